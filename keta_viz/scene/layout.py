"""Where everything sits, in a virtual 1600 x 900 (16:9) canvas (SCENE.md composition)."""

from __future__ import annotations

import numpy as np

WIDTH, HEIGHT = 1600.0, 900.0

VESSEL_X = (0.0, 74.0)
TERMINAL_C = (660.0, 285.0)  # presynaptic bulb centre (glutamate or serotonin)
TERMINAL_R = (160.0, 112.0)
AXON_X = 660.0
AXON_W = 54.0
CLEFT_Y = 430.0  # middle of the synaptic cleft, under the terminal
SHAFT_Y = (690.0, 790.0)  # dendrite shaft top and bottom
HERO_X = 660.0
HERO_HEAD_Y = 505.0  # centre of the hero spine head when healthy
BOUNCER_C = (255.0, 215.0)
BOUNCER_R = 78.0
BOUNCER_TERMINAL = (585.0, 118.0)  # the bouncer's own terminal, on the sender's axon

# Spines along the shaft: x position and the spine density (1.0 = healthy) each needs to exist.
# About half exist at the stressed baseline of 0.75; all of them at 1.0.
SPINE_X = np.array([150, 265, 380, 495, 825, 940, 1055, 1170, 1285, 1400, 1515], float)
SPINE_NEED = np.array([0.70, 0.86, 0.74, 0.93, 0.80, 0.72, 0.96, 0.83, 0.73, 0.89, 0.78])
SPINE_HEIGHT = np.array([150, 125, 160, 135, 120, 150, 130, 165, 140, 125, 150], float)
SPINE_LEAN = np.array([-12, 8, -6, 10, 6, -10, 4, -8, 12, -4, 8], float)
SPINE_GROW_SPAN = 0.035  # density range over which a new spine sprouts to full size

AMPA_BOX = (HERO_X - 100, HERO_HEAD_Y - 75, HERO_X + 100, HERO_HEAD_Y + 45)  # the hero's receptors
NMDA_ANGLES_DEG = (-35.0, -10.0, 15.0, 40.0, 65.0, 90.0)  # on the bouncer's membrane
SERT_ANGLES_DEG = (200.0, 222.0, 318.0, 340.0)  # SERT on the serotonin terminal
AUTORECEPTOR_POS = ((AXON_X - AXON_W / 2, 95.0), (AXON_X + AXON_W / 2, 95.0),
                    (AXON_X - AXON_W / 2, 40.0), (AXON_X + AXON_W / 2, 40.0))

# What each story stage is about (its actor, assets/content/actors.toml), as a box (x0, y0, x1, y1)
# the story camera frames: the actor with the things it acts on, and room for its label.
ACTOR_BOX = {
    "whole": (0.0, 0.0, WIDTH, HEIGHT),
    "vessel": (0.0, 230.0, 600.0, 800.0),  # the drug streaming from the blood into the tissue
    "bouncer": (96.0, 20.0, 640.0, 330.0),  # the GABA interneuron, its NMDA receptors, its terminal
    "cleft": (230.0, 180.0, 1090.0, 620.0),  # the sender's terminal and the flooded cleft
    "receptors": (500.0, 390.0, 820.0, 580.0),  # AMPA receptors on the hero spine head
    "hero_base": (480.0, 440.0, 840.0, 800.0),  # the hero spine's neck and base, where BDNF is made
    "spines": (780.0, 420.0, 1560.0, 800.0),  # spines along the dendrite
    "sert": (470.0, 150.0, 860.0, 420.0),  # the serotonin pumps on the sender's terminal
    "autoreceptors": (520.0, 0.0, 800.0, 230.0),  # the brake sensors on the sender's axon
    "firing": (480.0, 0.0, 860.0, 420.0),  # the sender's axon and terminal
}

# Labels: (id, anchor point, label box top-left) -- boxes sit in free space, never on the hero.
KETAMINE_LABELS = (
    ("vessel", (40.0, 600.0), (96.0, 560.0)),
    ("bouncer", (215.0, 150.0), (96.0, 24.0)),
    ("nmda", (323.0, 253.0), (120.0, 360.0)),
    ("ketamine", (124.0, 491.0), (96.0, 418.0)),  # on the stream from the vessel
    ("sender", (790.0, 215.0), (1000.0, 70.0)),
    ("glutamate", (760.0, 415.0), (1000.0, 190.0)),  # its leader stays above the receivers'
    ("ampa", (703.0, 496.0), (1000.0, 300.0)),  # the rightmost receptor on the hero head
    ("spines", (1297.0, 548.0), (1240.0, 410.0)),
    ("bdnf", (628.0, 708.0), (330.0, 838.0)),  # where the growth signal is made, at the hero's base
    ("dendrite", (1000.0, 770.0), (1000.0, 838.0)),
)
SSRI_LABELS = (
    ("vessel", (40.0, 600.0), (96.0, 560.0)),
    ("firing", (AXON_X - AXON_W / 2, 150.0), (330.0, 130.0)),
    ("brake", (AXON_X - AXON_W / 2 - 6, 70.0), (330.0, 40.0)),
    ("ssri", (196.0, 498.0), (96.0, 418.0)),  # on the stream from the vessel
    ("serotonin_sender", (800.0, 230.0), (1000.0, 70.0)),
    ("sert", (820.0, 340.0), (1000.0, 190.0)),
    ("serotonin", (780.0, 445.0), (1000.0, 300.0)),
    ("spines", (1297.0, 548.0), (1240.0, 410.0)),
    ("bdnf", (628.0, 708.0), (330.0, 838.0)),  # where the growth signal is made, at the hero's base
    ("dendrite", (1000.0, 770.0), (1000.0, 838.0)),
)

"""Widgets shared by the consult window and the kiosk: the Playhead (the story clock), the
synapse view, the story scrubber, the linked plots, the narration panel, the pen layer and the
honesty marks (disclaimer, "in animals" badge).  They draw through scene/ and never import ui/
or kiosk/."""

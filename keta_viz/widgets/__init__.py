"""Widgets shared by the consult window and the kiosk, each built from a Session and observing
it: the synapse views, the story scrubber, the linked plots, the narration panel, the story
caption, the honesty marks (disclaimer, "in animals" badge) and the generated stylesheets.
They draw through scene/ and never import ui/ or kiosk/."""

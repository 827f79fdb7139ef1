"""The application layer: the Session (what is on screen, observed by every view), its
Playhead (the story clock) and the pen strokes drawn on the picture.  Qt objects, no widgets."""

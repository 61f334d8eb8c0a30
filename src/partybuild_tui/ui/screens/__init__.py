"""The explorer's screens: the main explorer and the dialogs over it."""

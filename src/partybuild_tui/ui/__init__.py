"""Everything Textual: the App, the session, screens, widgets, styles, i18n."""

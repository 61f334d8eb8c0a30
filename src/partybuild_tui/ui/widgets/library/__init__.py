"""The library screen's widgets: the list of reports and the results across reports."""

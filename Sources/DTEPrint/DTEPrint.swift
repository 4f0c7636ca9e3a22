/// Printout: templates, layout, preflight and the Cairo renderer (PDF and PNG).
public enum DTEPrintModule {}

/// ID scan check: is an uploaded cédula image usable?
public enum IDScanModule {}

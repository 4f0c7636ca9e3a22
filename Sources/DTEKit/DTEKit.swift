// DTEKit: the one module the onboarding service imports.
@_exported import DTECore
@_exported import DTEPrint
@_exported import DTESkeleton
@_exported import DTEBatch
@_exported import IDScan

// The library product: one import gives the whole pipeline.
@_exported import KernsatzICU
@_exported import KernsatzSegmentation
@_exported import KernsatzText
@_exported import KernsatzAnalysis
@_exported import KernsatzSummary
@_exported import KernsatzGlossary

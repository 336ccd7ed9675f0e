/// Any error of the pipeline, with the message of the stage that failed.
public enum KernsatzError: Error, Sendable, CustomStringConvertible {
    case text(TextError)
    case segmentation(SegmentationError)
    case analysis(AnalysisError)

    public var description: String {
        switch self {
        case .text(let error): return error.description
        case .segmentation(let error): return error.description
        case .analysis(let error): return error.description
        }
    }
}

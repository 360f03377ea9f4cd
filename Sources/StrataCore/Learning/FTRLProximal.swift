/// FTRL-Proximal logistic regression (McMahan et al. 2013), one update per labelled example,
/// per-coordinate learning rates, L1 + L2 (SPEC §4, Docs/model.md §8):
///
///     w_k = 0                                            if |z_k| ≤ λ₁
///         = −(z_k − sgn(z_k)·λ₁) / ((β + √n_k)/α + λ₂)   otherwise
///     p = σ(w·x);  g_k = ω·(p − y)·x_k;  σ_k = (√(n_k + g_k²) − √n_k)/α
///     z_k += g_k − σ_k·w_k;  n_k += g_k²
///
/// The per-weight variance used by Thompson sampling is `1 / ((β + √n_k)/α + λ₂)`, the inverse
/// of the coordinate's proximal curvature (a Laplace-style approximation).
public struct FTRLProximal: Hashable, Sendable {
    public struct Settings: Hashable, Sendable, Codable {
        public var alpha = 0.3
        public var beta = 1.0
        public var l1 = 0.0
        public var l2 = 1.0
        public init() {}
    }

    public let settings: Settings
    public private(set) var z: [Double]
    public private(set) var n: [Double]
    public private(set) var weights: [Double]
    public private(set) var updates = 0

    public init(dimension: Int, settings: Settings = Settings(), initialWeights: [Double]? = nil) {
        self.settings = settings
        z = Array(repeating: 0, count: dimension)
        n = Array(repeating: 0, count: dimension)
        weights = Array(repeating: 0, count: dimension)
        if let initial = initialWeights {
            precondition(initial.count == dimension, "initial weights have \(initial.count) entries, expected \(dimension)")
            // z that yields exactly these weights at n = 0 (with λ₁ accounted for).
            let curvature = settings.beta / settings.alpha + settings.l2
            for k in 0..<dimension {
                let w = initial[k]
                z[k] = w == 0 ? 0 : -(w * curvature) - (w > 0 ? settings.l1 : -settings.l1)
            }
            refreshWeights()
        }
    }

    public var dimension: Int { weights.count }

    @inline(__always)
    public func margin(_ x: [Double]) -> Double {
        var s = 0.0
        for k in 0..<x.count { s += weights[k] * x[k] }
        return s
    }

    public func predict(_ x: [Double]) -> Double { sigmoid(margin(x)) }

    /// One FTRL step; returns the prediction made *before* the update.
    @discardableResult
    public mutating func update(x: [Double], label: Double, weight: Double = 1) -> Double {
        precondition(x.count == dimension, "feature vector has \(x.count) entries, expected \(dimension)")
        let p = predict(x)
        let residual = weight * (p - label)
        for k in 0..<dimension where x[k] != 0 {
            let g = residual * x[k]
            let oldRoot = n[k].squareRoot()
            let newN = n[k] + g * g
            let sigma = (newN.squareRoot() - oldRoot) / settings.alpha
            z[k] += g - sigma * weights[k]
            n[k] = newN
            weights[k] = Self.weight(z: z[k], n: newN, settings: settings)
        }
        updates += 1
        return p
    }

    /// Variance of weight k for Thompson sampling.
    public func variance(_ k: Int) -> Double {
        1 / ((settings.beta + n[k].squareRoot()) / settings.alpha + settings.l2)
    }

    @inline(__always)
    static func weight(z: Double, n: Double, settings: Settings) -> Double {
        if abs(z) <= settings.l1 { return 0 }
        let sign: Double = z > 0 ? 1 : -1
        return -(z - sign * settings.l1) / ((settings.beta + n.squareRoot()) / settings.alpha + settings.l2)
    }

    private mutating func refreshWeights() {
        for k in 0..<dimension { weights[k] = Self.weight(z: z[k], n: n[k], settings: settings) }
    }
}

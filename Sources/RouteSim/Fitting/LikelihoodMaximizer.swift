/// Maximizes a smooth log-likelihood of two parameters by Newton's method with step halving,
/// and gives the covariance of the estimate from the observed information.
///
/// The Hessian is the central difference of the analytic gradient. Where it is not negative
/// definite (far from the maximum), the step is a gradient step instead; a step that does not
/// raise the likelihood is halved until it does.
struct LikelihoodMaximizer {
    /// The log-likelihood and its gradient at a point.
    typealias Objective = (SIMD2<Double>) -> (value: Double, gradient: SIMD2<Double>)

    var objective: Objective

    /// The maximum found from `start`: the point, the log-likelihood there, and the inverse of
    /// the negative Hessian (the asymptotic covariance), or nil when it is singular.
    func maximize(from start: SIMD2<Double>) -> (point: SIMD2<Double>, value: Double, covariance: SIMD4<Double>?) {
        var point = start
        var (value, gradient) = objective(point)
        for _ in 0..<200 {
            let hessian = self.hessian(at: point)
            let determinant = hessian[0] * hessian[3] - hessian[1] * hessian[2]
            var step: SIMD2<Double>
            if hessian[0] < 0, determinant > 0 {
                step = SIMD2(
                    -(hessian[3] * gradient[0] - hessian[1] * gradient[1]) / determinant,
                    -(-hessian[2] * gradient[0] + hessian[0] * gradient[1]) / determinant)
            } else {
                let length = (gradient * gradient).sum().squareRoot()
                step = length > 0 ? gradient / length * 0.5 : .zero
            }
            var improved = false
            for _ in 0..<40 {
                let candidate = point + step
                let next = objective(candidate)
                if next.value.isFinite, next.value >= value {
                    let gain = next.value - value
                    point = candidate
                    (value, gradient) = next
                    improved = gain > 1e-10 * max(1, abs(value))
                    break
                }
                step /= 2
            }
            if !improved { break }
        }
        let hessian = self.hessian(at: point)
        let determinant = hessian[0] * hessian[3] - hessian[1] * hessian[2]
        guard hessian[0] < 0, determinant > 0 else { return (point, value, nil) }
        let covariance = SIMD4(-hessian[3], hessian[1], hessian[2], -hessian[0]) / determinant
        return (point, value, covariance)
    }

    /// The Hessian (row-major) by central differences of the gradient, symmetrized.
    private func hessian(at point: SIMD2<Double>) -> SIMD4<Double> {
        let h = 1e-5
        let dx0 = (objective(point + SIMD2(h, 0)).gradient - objective(point - SIMD2(h, 0)).gradient) / (2 * h)
        let dx1 = (objective(point + SIMD2(0, h)).gradient - objective(point - SIMD2(0, h)).gradient) / (2 * h)
        let offDiagonal = (dx0[1] + dx1[0]) / 2
        return SIMD4(dx0[0], offDiagonal, offDiagonal, dx1[1])
    }
}

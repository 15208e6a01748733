/// A model fitted to data: what a view needs to draw the data beside the
/// model's guesses (the forward pass) and how wrong they are (the loss).
public protocol PredictiveModel: Objective {
    var data: Dataset { get }
    var lossFunction: LossFunction { get }
    /// The model's output for one input row: a value under mean squared
    /// error, a probability of class 1 under binary cross-entropy.
    func prediction(at weights: [Double], features: [Double]) -> Double
}

extension OneWeightModel: PredictiveModel {
    public func prediction(at weights: [Double], features: [Double]) -> Double {
        prediction(at: weights, input: features[0])
    }
}

extension LinearRegression: PredictiveModel {
    public func prediction(at weights: [Double], features: [Double]) -> Double {
        prediction(at: weights, input: features[0])
    }
}

extension Neuron: PredictiveModel {
    public func prediction(at weights: [Double], features: [Double]) -> Double {
        prediction(at: weights, input: features)
    }
}

extension MultilayerPerceptron: PredictiveModel {
    public func prediction(at weights: [Double], features: [Double]) -> Double {
        prediction(at: weights, input: features)
    }
}

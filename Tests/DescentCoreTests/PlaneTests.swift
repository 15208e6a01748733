import DescentCore
import Testing
import TestSupport

@Suite struct `Planes through many weights` {
    let network = MultilayerPerceptron(data: .xor(count: 12, seed: 1), hiddenSizes: [3, 2],
                                       loss: .binaryCrossEntropy)

    func norm(_ values: ArraySlice<Double>) -> Double { values.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    @Test func `a slice changes only its two chosen weights, which are its coordinates`() throws {
        let weights = network.initialWeights(seed: 3)
        let plane = try #require(SurfacePlane.slice(of: network, through: weights, free: "A1[0][1]", "c2[1]"))
        let i = try #require(network.parameterNames.firstIndex(of: "A1[0][1]"))
        let j = try #require(network.parameterNames.firstIndex(of: "c2[1]"))
        #expect(plane.axisNames == ("A1[0][1]", "c2[1]"))
        for point in seededPoints(count: 10, dimension: 2, in: -3...3, seed: 4) {
            let moved = plane.weights(at: PlanePoint(u: point[0], v: point[1]))
            #expect(moved[i] == point[0] && moved[j] == point[1], "at \(point)")
            for k in weights.indices where k != i && k != j {
                #expect(moved[k] == weights[k], "weight \(network.parameterNames[k]) moved at \(point)")
            }
            #expect(plane.projection(of: moved) == PlanePoint(u: point[0], v: point[1]))
        }
        // Where the slice passes through the weights, the surface shows their loss.
        let here = plane.weights(at: PlanePoint(u: weights[i], v: weights[j]))
        #expect(here == weights)
        // A trajectory point off the slice projects to its two free weights.
        var elsewhere = weights.map { $0 + 0.5 }
        elsewhere[i] = 1.25
        elsewhere[j] = -2
        #expect(plane.projection(of: elsewhere) == PlanePoint(u: 1.25, v: -2))
    }

    @Test func `a slice by unknown or repeated names is nil`() {
        let weights = network.initialWeights(seed: 3)
        #expect(SurfacePlane.slice(of: network, through: weights, free: "A1[9][9]", "c1[0]") == nil)
        #expect(SurfacePlane.slice(of: network, through: weights, free: "c1[0]", "c1[0]") == nil)
    }

    @Test func `the random plane's directions are filter-normalised with zero bias components`() throws {
        let weights = network.initialWeights(seed: 5).enumerated().map { $0.element + 0.1 * Double($0.offset % 3) }
        let plane = try #require(SurfacePlane.filterNormalised(of: network, through: weights, seed: 9))
        #expect(plane.origin == weights)
        #expect(plane.axisNames == ("direction 1", "direction 2"))
        for direction in [plane.first, plane.second] {
            for filter in network.filters {
                #expect(isClose(norm(direction[filter]), norm(weights[filter]), tolerance: 1e-12),
                        "filter \(filter): \(direction[filter]) against \(weights[filter])")
            }
            #expect(network.biasIndices.allSatisfy { direction[$0] == 0 }, "\(direction)")
        }
        #expect(plane.first != plane.second)
    }

    @Test func `points of the random plane project back to themselves`() throws {
        let weights = network.initialWeights(seed: 6)
        let plane = try #require(SurfacePlane.filterNormalised(of: network, through: weights, seed: 2))
        #expect(plane.projection(of: weights) == PlanePoint(u: 0, v: 0))
        for point in seededPoints(count: 10, dimension: 2, in: -2...2, seed: 7) {
            let projected = plane.projection(of: plane.weights(at: PlanePoint(u: point[0], v: point[1])))
            #expect(isClose(projected.u, point[0], tolerance: 1e-10) && isClose(projected.v, point[1], tolerance: 1e-10),
                    "\(point) came back as \(projected)")
        }
        #expect(network.loss(at: plane.weights(at: PlanePoint(u: 0, v: 0))) == network.loss(at: weights))
    }

    @Test func `the same seed gives the same random plane and another seed another`() throws {
        let weights = network.initialWeights(seed: 8)
        let plane = SurfacePlane.filterNormalised(of: network, through: weights, seed: 11)
        #expect(plane == SurfacePlane.filterNormalised(of: network, through: weights, seed: 11))
        let other = try #require(SurfacePlane.filterNormalised(of: network, through: weights, seed: 12))
        #expect(plane?.first != other.first)
    }

    @Test func `a random plane needs two independent directions`() throws {
        // All-zero weights: every filter has norm 0, so both directions vanish.
        #expect(SurfacePlane.filterNormalised(of: network, through: Array(repeating: 0, count: network.dimension),
                                              seed: 1) == nil)
        // One weight: both directions are ±w along the same axis.
        let oneWeight = OneWeightModel(input: 3, truth: 12)
        #expect(SurfacePlane.filterNormalised(of: oneWeight, through: [2], seed: 1) == nil)
        // Two single-entry filters (w of a line, and a 1→1→1 network's weights) are redrawn until
        // the directions are not parallel.
        let tiny = MultilayerPerceptron(data: Dataset(points: [(0, 1), (1, 2)]), hiddenSizes: [1])
        let plane = try #require(SurfacePlane.filterNormalised(of: tiny, through: [0.5, 0.1, -2, 0.3], seed: 1))
        #expect(plane.first.map(abs) == [0.5, 0, 2, 0] && plane.second.map(abs) == [0.5, 0, 2, 0])
        #expect(plane.first != plane.second && plane.first != plane.second.map { -$0 })
    }

    @Test func `a neuron's and a line's only filter is their weights, the bias is not`() {
        let neuron = Neuron(data: .twoBlobs(count: 6, seed: 1), loss: .binaryCrossEntropy)
        #expect(neuron.filters == [0..<2] && neuron.biasIndices == [2])
        let line = LinearRegression(data: Dataset(points: [(0, 1), (1, 2)]))
        #expect(line.filters == [0..<1] && line.biasIndices == [1])
    }
}

import DescentCore
import Testing

@Suite struct `Batch sampling` {
    @Test(arguments: [(10, 3), (10, 5), (7, 1), (8, 8), (5, 9)])
    func `every sample is used exactly once per epoch`(sampleCount: Int, size: Int) {
        var sampler = BatchSampler(sampleCount: sampleCount, seed: 42)
        for epoch in 0..<6 {
            var seen: [Int] = []
            var completed = false
            while !completed {
                let (batch, completesEpoch) = sampler.next(.minibatch(size))
                guard case .samples(let indices) = batch else {
                    Issue.record("a mini-batch draw gave \(batch)")
                    return
                }
                seen += indices
                completed = completesEpoch
            }
            #expect(seen.sorted() == Array(0..<sampleCount), "n=\(sampleCount) k=\(size) epoch \(epoch): \(seen)")
        }
    }

    @Test func `the remainder forms a smaller last batch of the epoch`() {
        var sampler = BatchSampler(sampleCount: 10, seed: 1)
        let sizes = (0..<8).map { _ -> Int in
            let (batch, _) = sampler.next(.minibatch(4))
            return batch.indices(in: 10).count
        }
        #expect(sizes == [4, 4, 2, 4, 4, 2, 4, 4])
    }

    @Test func `each epoch is reshuffled`() {
        var sampler = BatchSampler(sampleCount: 20, seed: 3)
        var orders: [[Int]] = []
        for _ in 0..<5 {
            _ = sampler.next(.minibatch(20))
            orders.append(sampler.order)
        }
        #expect(Set(orders).count == 5, "five epochs, five different orders: \(orders)")
        #expect(orders.allSatisfy { $0 != Array(0..<20) })
    }

    @Test func `the same seed gives the same batches and another seed others`() {
        func draws(seed: UInt64) -> [Batch] {
            var sampler = BatchSampler(sampleCount: 12, seed: seed)
            return (0..<12).map { _ in sampler.next(.minibatch(5)).batch }
        }
        #expect(draws(seed: 9) == draws(seed: 9))
        #expect(draws(seed: 9) != draws(seed: 10))
    }

    @Test func `a full batch uses every sample and completes an epoch`() {
        var sampler = BatchSampler(sampleCount: 6, seed: 0)
        let (batch, completes) = sampler.next(.full)
        #expect(batch == .full && completes)
        // A mini-batch after a partly used epoch and a full batch starts a fresh shuffle.
        _ = sampler.next(.minibatch(4))
        _ = sampler.next(.full)
        #expect(sampler.position == sampler.order.count)
        _ = sampler.next(.minibatch(4))
        #expect(sampler.position == 4)
    }

    @Test func `an analytic surface has no samples and never completes an epoch`() {
        var sampler = BatchSampler(sampleCount: 0, seed: 0)
        #expect(sampler.next(.minibatch(3)) == (.full, false))
        #expect(sampler.next(.full) == (.full, false))
    }

    @Test func `uniform draws cover their range evenly`() {
        var generator = SeededGenerator(seed: 5)
        var counts = Array(repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[generator.uniform(below: 6)] += 1 }
        // Each count is binomial(60000, 1/6): mean 10000, sd ≈ 91; 6 sd is a loose, never-flaky bound.
        #expect(counts.allSatisfy { abs($0 - 10_000) < 550 }, "\(counts)")
    }
}

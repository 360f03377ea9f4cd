import Testing
@testable import StrataCore

@Suite struct SequentialKMeansTests {
    @Test func firstDistinctPointsSeedThenCentresMoveByOneOverCount() {
        var kmeans = SequentialKMeans(k: 2, dimension: 2)
        kmeans.update(points: [[1, 0], [1, 0], [0, 1], [0.8, 0.2]])
        // Seeds: (1,0) and (0,1) (the repeated (1,0) is not a new seed but an update: count 2,
        // centre stays (1,0)); then (0.8,0.2) joins centre 0 with rate 1/3.
        #expect(kmeans.initialised == 2)
        #expect(kmeans.counts == [3, 1])
        #expect(abs(kmeans.centres[0] - (1 + (0.8 - 1) / 3)) < 1e-15)
        #expect(abs(kmeans.centres[1] - (0 + 0.2 / 3)) < 1e-15)
        #expect(kmeans.centres[2] == 0 && kmeans.centres[3] == 1)
        #expect(kmeans.nearest([0.1, 0.9]) == 1)
        #expect(kmeans.nearest([0.9, 0.1]) == 0)
    }
}

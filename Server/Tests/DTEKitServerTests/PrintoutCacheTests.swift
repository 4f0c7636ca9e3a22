import DTEKit
@testable import DTEKitServer
import Foundation
import Testing

@Suite struct PrintoutCacheTests {
    let templates = OnboardingService.defaultTemplates()

    func make(_ name: String) throws(ServiceError) -> Printout {
        do { return try Printout(template: try PrintTemplate.named(name, in: templates)) } catch {
            throw .unprocessable(String(describing: error))
        }
    }

    @Test("The same template and logo give the same printout; another logo or YAML a new one")
    func hitsAndMisses() throws {
        let cache = PrintoutCache()
        var made = 0
        let key = PrintoutCache.Key(yaml: "name: carta", logo: Data([1, 2, 3]))
        let a = try cache.printout(for: key) { () throws(ServiceError) in made += 1; return try make("carta") }
        let b = try cache.printout(for: key) { () throws(ServiceError) in made += 1; return try make("carta") }
        #expect(a === b && made == 1)
        // Keys compare the bytes in full: a logo differing in its last byte is another entry.
        let other = PrintoutCache.Key(yaml: "name: carta", logo: Data([1, 2, 4]))
        let c = try cache.printout(for: other) { () throws(ServiceError) in made += 1; return try make("carta") }
        #expect(c !== a && made == 2 && cache.count == 2)
    }

    @Test("Beyond its entry limit the least recently used printout is dropped")
    func eviction() throws {
        let cache = PrintoutCache(entryLimit: 2)
        let keys = (0..<3).map { PrintoutCache.Key(yaml: "k\($0)", logo: nil) }
        let first = try cache.printout(for: keys[0]) { () throws(ServiceError) in try make("carta") }
        _ = try cache.printout(for: keys[1]) { () throws(ServiceError) in try make("carta") }
        _ = try cache.printout(for: keys[0]) { () throws(ServiceError) in try make("carta") }   // k0 used again
        _ = try cache.printout(for: keys[2]) { () throws(ServiceError) in try make("carta") }   // drops k1
        #expect(cache.count == 2)
        var remade = false
        let again = try cache.printout(for: keys[0]) { () throws(ServiceError) in remade = true; return try make("carta") }
        #expect(again === first && !remade)
        _ = try cache.printout(for: keys[1]) { () throws(ServiceError) in remade = true; return try make("carta") }
        #expect(remade)
    }

    @Test("A failure is not cached: the next request checks the template again")
    func failuresAreNotCached() throws {
        let cache = PrintoutCache()
        let key = PrintoutCache.Key(yaml: "broken", logo: nil)
        var attempts = 0
        for _ in 0..<2 {
            #expect(throws: ServiceError.self) {
                _ = try cache.printout(for: key) { () throws(ServiceError) -> Printout in attempts += 1; throw .unprocessable("bad") }
            }
        }
        #expect(attempts == 2 && cache.count == 0)
    }
}

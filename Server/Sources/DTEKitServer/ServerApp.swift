import DTEKit
import Foundation
import Synchronization
import Hummingbird
import NIOCore

/// The HTTP face of ``OnboardingService`` (Hummingbird 2): multipart in, PDF/PNG/ZIP/JSON out,
/// errors as JSON with their status, counters at `/metrics`.
public enum ServerApp {
    /// Builds the router (separate from ``run(service:host:port:onListening:)`` for tests).
    public static func router(service: OnboardingService, metrics: Metrics) -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/healthz") { _, _ -> Response in
            metrics.count("healthz", 200)
            return respond(ServiceFile(data: Data("ok\n".utf8), contentType: "text/plain; charset=utf-8"))
        }
        router.get("/metrics") { _, _ -> Response in
            respond(ServiceFile(data: Data(metrics.prometheusText().utf8), contentType: "text/plain; version=0.0.4"))
        }
        router.get("/v1/templates") { _, _ -> Response in
            metrics.count("templates", 200)
            let data = (try? JSONSerialization.data(withJSONObject: ["templates": service.templates()], options: [.sortedKeys])) ?? Data()
            return respond(ServiceFile(data: data, contentType: "application/json"))
        }
        router.post("/v1/previews") { request, _ -> Response in
            let pdf = request.headers[.accept]?.contains("application/pdf") == true
            return await handle("previews", request, metrics) { form throws(ServiceError) in try service.preview(form, pdf: pdf) }
        }
        router.post("/v1/printouts") { request, _ -> Response in
            await handle("printouts", request, metrics) { form throws(ServiceError) in try service.printouts(form) }
        }
        router.post("/v1/skeletons") { request, _ -> Response in
            await handle("skeletons", request, metrics) { form throws(ServiceError) in try service.skeletons(form) }
        }
        router.get("/") { _, _ -> Response in
            respond(ServiceFile(data: service.page(), contentType: "text/html; charset=utf-8"))
        }
        router.post("/v1/templates/export") { request, _ -> Response in
            await handle("templates-export", request, metrics) { form throws(ServiceError) in try service.exportTemplate(form) }
        }
        router.get("/v1/samples/{name}") { _, context -> Response in
            let name = context.parameters.get("name") ?? ""
            do throws(ServiceError) { return respond(try service.sampleXML(name)) } catch {
                return respond(ServiceFile(data: error.json, contentType: "application/json"), status: error.status)
            }
        }
        router.get("/openapi.yaml") { _, _ -> Response in
            respond(ServiceFile(data: service.openAPIDocument(), contentType: "application/yaml"))
        }
        router.post("/v1/id-checks") { request, _ -> Response in
            await handle("id-checks", request, metrics) { form throws(ServiceError) in try service.idCheck(form) }
        }
        // Any other method on a known path: 405 with Allow (not 404: the path exists).
        let allowed: [String: [HTTPRequest.Method]] = [
            "/": [.get], "/healthz": [.get], "/metrics": [.get], "/openapi.yaml": [.get], "/v1/templates": [.get],
            "/v1/samples/{name}": [.get], "/v1/templates/export": [.post], "/v1/previews": [.post],
            "/v1/printouts": [.post], "/v1/skeletons": [.post], "/v1/id-checks": [.post],
        ]
        var all: [HTTPRequest.Method] = [.get, .post, .put, .delete, .patch, .options, .trace, .connect, .head]
        if let query = HTTPRequest.Method("QUERY") { all.append(query) }
        for (path, methods) in allowed {
            for method in all where !methods.contains(method) && !(method == .head && methods.contains(.get)) {
                router.on(RouterPath(path), method: method) { _, _ -> Response in
                    let error = ServiceError.methodNotAllowed(allowed: methods.map(\.rawValue))
                    var r = respond(ServiceFile(data: error.json, contentType: "application/json"), status: error.status)
                    r.headers[.allow] = methods.map(\.rawValue).joined(separator: ", ")
                    return r
                }
            }
        }
        return router
    }

    /// Runs the server until SIGINT/SIGTERM. `onListening` gets the bound port (`port: 0` picks one).
    public static func run(service: OnboardingService, host: String, port: Int,
                           onListening: @escaping @Sendable (Int) -> Void = { print("dtekit-server: listening on http://127.0.0.1:\($0)") }) async throws {
        let metrics = Metrics()
        let app = Application(router: router(service: service, metrics: metrics),
                              configuration: .init(address: .hostname(host, port: port), serverName: "dtekit-server"),
                              onServerRunning: { channel in onListening(channel.localAddress?.port ?? port) })
        try await app.runService()
    }

    /// Reads the body (capped), parses the form, runs `body` off the event loop, maps errors.
    /// The work gate of this process (see ``WorkGate``).
    static let gate = WorkGate()

    static func handle(_ route: String, _ request: Request, _ metrics: Metrics,
                       _ body: @escaping @Sendable (FormData) throws(ServiceError) -> ServiceFile) async -> Response {
        let started = Date()
        let result: Result<ServiceFile, ServiceError>
        do {
            let buffer: ByteBuffer
            do { buffer = try await request.body.collect(upTo: OnboardingService.Limits.body) } catch {
                throw ServiceError.tooLarge("the request body is over \(OnboardingService.Limits.body) bytes")
            }
            let form = try FormData.parse(buffer, contentType: request.headers[.contentType])
            // Rendering and image analysis are CPU work: a bounded number run at once on
            // dispatch threads, a bounded number wait, the rest get 503 at once.
            result = await gate.submit { () throws(ServiceError) -> ServiceFile in try body(form) }
        } catch let e as ServiceError {
            result = .failure(e)
        } catch {
            result = .failure(.badRequest(String(describing: error)))
        }
        let response: Response
        switch result {
        case .success(let file): response = respond(file)
        case .failure(let e):
            var r = respond(ServiceFile(data: e.json, contentType: "application/json"), status: e.status)
            if case let .busy(seconds) = e { r.headers[.retryAfter] = String(seconds) }
            response = r
        }
        metrics.count(route, Int(response.status.code), seconds: Date().timeIntervalSince(started))
        return response
    }

    static func respond(_ file: ServiceFile, status: Int = 200) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = file.contentType
        if let name = file.filename { headers[.contentDisposition] = "inline; filename=\"\(name)\"" }
        headers[.cacheControl] = "no-store"
        return Response(status: .init(code: status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: Array(file.data))))
    }
}

/// Request counters and time by route and status, in Prometheus' text format.
public final class Metrics: Sendable {
    private struct Counters { var requests: [String: Int] = [:]; var seconds: [String: Double] = [:] }
    private let counters = Mutex(Counters())

    public init() {}

    func count(_ route: String, _ status: Int, seconds time: Double = 0) {
        counters.withLock { c in
            c.requests["route=\"\(route)\",status=\"\(status)\"", default: 0] += 1
            c.seconds["route=\"\(route)\"", default: 0] += time
        }
    }

    public func prometheusText() -> String {
        let (requests, seconds) = counters.withLock { ($0.requests, $0.seconds) }
        var s = "# HELP dtekit_requests_total Requests by route and HTTP status.\n# TYPE dtekit_requests_total counter\n"
        for (k, v) in requests.sorted(by: { $0.key < $1.key }) { s += "dtekit_requests_total{\(k)} \(v)\n" }
        s += "# HELP dtekit_request_seconds_total Time spent answering, by route.\n# TYPE dtekit_request_seconds_total counter\n"
        for (k, v) in seconds.sorted(by: { $0.key < $1.key }) { s += "dtekit_request_seconds_total{\(k)} \(v)\n" }
        return s
    }
}

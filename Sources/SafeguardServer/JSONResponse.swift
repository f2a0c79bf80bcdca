import Hummingbird
import SafeguardService
import WorkflowCore

/// Responses in the same JSON the command line's `--json` prints; none is kept by a cache
/// (`Cache-Control: no-store`), as most carry personal data.
enum JSONResponse {
    static func make(_ value: Value, status: HTTPResponse.Status = .ok) -> Response {
        make(text: Rendering.json(value), status: status)
    }

    static func make(_ document: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        make(text: DocumentEncoder.json(document), status: status)
    }

    static func make(text: String, status: HTTPResponse.Status = .ok, contentType: String = "application/json") -> Response {
        Response(status: status, headers: [.contentType: contentType, .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(string: text + "\n")))
    }
}

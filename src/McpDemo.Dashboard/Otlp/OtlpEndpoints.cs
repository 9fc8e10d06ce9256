using Google.Protobuf;
using McpDemo.Dashboard.Otlp.Proto.Collector.Logs;
using McpDemo.Dashboard.Otlp.Proto.Collector.Metrics;
using McpDemo.Dashboard.Otlp.Proto.Collector.Trace;
using McpDemo.Dashboard.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace McpDemo.Dashboard.Otlp;

/// <summary>
/// The OTLP/HTTP receiver: <c>POST /v1/traces</c>, <c>/v1/logs</c> and <c>/v1/metrics</c> with
/// protobuf or JSON bodies, answered as the OTLP specification says (200 with an empty export
/// response). Bad requests get a 4xx and leave the store untouched.
/// </summary>
internal static class OtlpEndpoints
{
    private const string ProtobufContentType = "application/x-protobuf";
    private const string JsonContentType = "application/json";

    public static void MapOtlp(this IEndpointRouteBuilder endpoints, TelemetryStore store, long maxRequestBytes)
    {
        endpoints.MapPost("/v1/traces", (HttpRequest request) =>
            ReceiveAsync<ExportTraceServiceRequest>(request, maxRequestBytes, r => store.AddSpans(OtlpTraceConverter.ToSpans(r)), new ExportTraceServiceResponse()));
        endpoints.MapPost("/v1/logs", (HttpRequest request) =>
            ReceiveAsync<ExportLogsServiceRequest>(request, maxRequestBytes, r => store.AddLogs(OtlpLogConverter.ToLogs(r)), new ExportLogsServiceResponse()));
        endpoints.MapPost("/v1/metrics", (HttpRequest request) =>
            ReceiveAsync<ExportMetricsServiceRequest>(request, maxRequestBytes, r => store.AddMetricPoints(OtlpMetricConverter.ToPoints(r)), new ExportMetricsServiceResponse()));
    }

    private static async Task<IResult> ReceiveAsync<TRequest>(HttpRequest httpRequest, long maxRequestBytes, Action<TRequest> accept, IMessage response)
        where TRequest : IMessage<TRequest>, new()
    {
        var isJson = HasMediaType(httpRequest, JsonContentType);
        if (!isJson && !HasMediaType(httpRequest, ProtobufContentType))
        {
            return Reject(StatusCodes.Status415UnsupportedMediaType, $"Content-Type must be {ProtobufContentType} or {JsonContentType}.");
        }

        var (body, rejectStatus) = await OtlpRequestBody.ReadAsync(httpRequest, maxRequestBytes, httpRequest.HttpContext.RequestAborted);
        if (body is null)
        {
            return Reject(rejectStatus, rejectStatus switch
            {
                StatusCodes.Status413PayloadTooLarge => $"The request body is over the {maxRequestBytes} byte limit.",
                StatusCodes.Status415UnsupportedMediaType => "Content-Encoding must be gzip or identity.",
                _ => "The gzip body could not be decompressed.",
            });
        }

        TRequest request;
        try
        {
            request = isJson ? OtlpJson.Parse<TRequest>(body) : ProtobufParser<TRequest>.Instance.ParseFrom(body);
        }
        catch (Exception e) when (OtlpJson.IsInvalidInput(e))
        {
            return Reject(StatusCodes.Status400BadRequest, "The body is not a valid OTLP export request: " + e.Message);
        }

        accept(request);
        return isJson
            ? Results.Text(JsonFormatter.Default.Format(response), JsonContentType)
            : Results.Bytes(response.ToByteArray(), ProtobufContentType);
    }

    private static class ProtobufParser<T>
        where T : IMessage<T>, new()
    {
        public static readonly MessageParser<T> Instance = new(() => new T());
    }

    private static bool HasMediaType(HttpRequest request, string mediaType) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed)
        && parsed.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase);

    private static IResult Reject(int status, string reason) => Results.Text(reason, "text/plain", statusCode: status);
}

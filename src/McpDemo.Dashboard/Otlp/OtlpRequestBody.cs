using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace McpDemo.Dashboard.Otlp;

/// <summary>Reads an OTLP/HTTP request body, decompressing gzip, without ever holding more than the cap.</summary>
internal static class OtlpRequestBody
{
    /// <summary>The body, or the status code that rejects the request.</summary>
    public static async Task<(byte[]? Body, int RejectStatus)> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge);
        }
        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        Stream source;
        if (encoding.Length == 0 || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            source = request.Body;
        }
        else if (encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase))
        {
            source = new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true);
        }
        else
        {
            return (null, StatusCodes.Status415UnsupportedMediaType);
        }

        await using (source)
        {
            try
            {
                var body = await ReadAtMostAsync(source, maxBytes, cancellationToken);
                return body is null ? (null, StatusCodes.Status413PayloadTooLarge) : (body, 0);
            }
            catch (InvalidDataException)
            {
                return (null, StatusCodes.Status400BadRequest);
            }
        }
    }

    /// <summary>Reads the whole stream, or returns null as soon as it proves longer than <paramref name="maxBytes"/>.</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream source, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

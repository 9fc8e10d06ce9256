using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace McpDemo.ServiceDefaults;

/// <summary>
/// Gives ASP.NET Core's request spans what OpenTelemetry's HTTP conventions ask for. ASP.NET Core records a bare span
/// named <c>Microsoft.AspNetCore.Hosting.HttpRequestIn</c>, and the instrumentation package that would fill it in
/// does not restore here. A recorded span gets a name like <c>POST /mcp</c>, the attributes the conventions require
/// (method, scheme, path, route, status code) and an error status for a 5xx or an exception; the recommended ones
/// are left out, as each attribute adds to every recorded call's cost. An unrecorded span costs a feature lookup.
/// </summary>
internal sealed class HttpServerSpans : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(DescribeRecordedSpanAsync);
        next(app);
    };

    private static async Task DescribeRecordedSpanAsync(HttpContext context, RequestDelegate next)
    {
        if (context.Features.Get<IHttpActivityFeature>()?.Activity is not { IsAllDataRequested: true } span)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        span.SetTag("http.request.method", request.Method);
        span.SetTag("url.scheme", request.Scheme);
        span.SetTag("url.path", request.Path.Value);
        try
        {
            await next(context);
        }
        catch (Exception exception)
        {
            Finish(span, context, exception);
            throw;
        }
        Finish(span, context, failure: null);
    }

    private static void Finish(Activity span, HttpContext context, Exception? failure)
    {
        // An exception that escapes before the response starts becomes a 500 once it leaves the pipeline.
        var status = failure is not null && !context.Response.HasStarted
            ? StatusCodes.Status500InternalServerError
            : context.Response.StatusCode;
        span.SetTag("http.response.status_code", status);
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        span.SetTag("http.route", route);
        span.DisplayName = route is null ? context.Request.Method : $"{context.Request.Method} {route}";
        if (failure is not null)
        {
            span.SetTag("error.type", failure.GetType().FullName);
            span.SetStatus(ActivityStatusCode.Error, failure.Message);
        }
        else if (status >= StatusCodes.Status500InternalServerError)
        {
            span.SetTag("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            span.SetStatus(ActivityStatusCode.Error);
        }
    }
}

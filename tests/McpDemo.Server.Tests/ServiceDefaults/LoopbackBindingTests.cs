using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace McpDemo.Server.Tests.ServiceDefaults;

// Checked on configuration, without starting: the default is a fixed port, which tests must not take.
public sealed class LoopbackBindingTests
{
    [Fact]
    public void WebHost_ToldNothing_ListensOnLoopback()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });

        builder.AddServiceDefaults();

        Assert.Equal("http://127.0.0.1:5000", builder.Configuration["urls"]);
    }

    [Theory]
    [InlineData("--urls", "http://0.0.0.0:8080")]
    [InlineData("--http_ports", "8080")]
    [InlineData("--Kestrel:Endpoints:Http:Url", "http://0.0.0.0:8080")]
    public void WebHost_ToldWhereToListen_IsLeftAlone(string key, string value)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [key, value] });

        builder.AddServiceDefaults();

        Assert.NotEqual("http://127.0.0.1:5000", builder.Configuration["urls"]);
    }

    [Fact]
    public void ConsoleHost_GetsNoUrls()
    {
        var builder = Host.CreateApplicationBuilder([]);

        builder.AddServiceDefaults();

        Assert.Null(builder.Configuration["urls"]);
    }
}

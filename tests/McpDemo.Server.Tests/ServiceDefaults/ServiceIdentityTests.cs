using McpDemo.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace McpDemo.Server.Tests.ServiceDefaults;

public sealed class ServiceIdentityTests
{
    [Fact]
    public void InstanceId_ComesFromOtelResourceAttributes_First()
    {
        var identity = Identity(new()
        {
            ["OTEL_RESOURCE_ATTRIBUTES"] = "deployment.environment=dev, service.instance.id=server-2",
            ["ECS_CONTAINER_METADATA_URI_V4"] = "http://169.254.170.2/v4/0123456789abcdef0123456789abcdef-3094542736",
        });

        Assert.Equal("server-2", identity.InstanceId);
    }

    [Fact]
    public void InstanceId_IsPercentDecoded()
    {
        Assert.Equal("a b,c", Identity(new() { ["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=a%20b%2Cc" }).InstanceId);
    }

    [Fact]
    public void InstanceId_IsTheFargateTaskId_FromTheMetadataUri()
    {
        var identity = Identity(new() { ["ECS_CONTAINER_METADATA_URI_V4"] = "http://169.254.170.2/v4/0123456789abcdef0123456789abcdef-3094542736" });

        Assert.Equal("0123456789abcdef0123456789abcdef", identity.InstanceId);
    }

    [Fact]
    public void InstanceId_IsTheContainerId_OnTheEc2LaunchType()
    {
        var containerId = new string('a', 64);

        Assert.Equal(containerId, Identity(new() { ["ECS_CONTAINER_METADATA_URI_V4"] = $"http://169.254.170.2/v4/{containerId}" }).InstanceId);
    }

    [Fact]
    public void InstanceId_IsTheLambdaLogStream_OnLambda()
    {
        var identity = Identity(new() { ["AWS_LAMBDA_LOG_STREAM_NAME"] = "2026/11/21/[$LATEST]4f1c" });

        Assert.Equal("2026/11/21/[$LATEST]4f1c", identity.InstanceId);
    }

    [Fact]
    public void InstanceId_IsHostAndPid_OtherwiseAndNameDefaults()
    {
        var identity = Identity(new() { ["OTEL_RESOURCE_ATTRIBUTES"] = "service.instance.id=, =x, junk" });

        Assert.Equal($"{Environment.MachineName}:{Environment.ProcessId}", identity.InstanceId);
        Assert.Equal("default-name", identity.ServiceName);
    }

    [Fact]
    public void ServiceName_PrefersOtelServiceName_ThenTheResourceAttribute()
    {
        Assert.Equal("env-name", Identity(new() { ["OTEL_SERVICE_NAME"] = "env-name", ["OTEL_RESOURCE_ATTRIBUTES"] = "service.name=attr-name" }).ServiceName);
        Assert.Equal("attr-name", Identity(new() { ["OTEL_RESOURCE_ATTRIBUTES"] = "service.name=attr-name" }).ServiceName);
    }

    [Fact]
    public void Version_HasNoBuildMetadata()
    {
        Assert.DoesNotContain('+', Identity(new()).Version);
    }

    private static ServiceIdentity Identity(Dictionary<string, string?> settings) =>
        ServiceIdentity.FromConfiguration(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), "default-name");
}

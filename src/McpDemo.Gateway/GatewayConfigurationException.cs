namespace McpDemo.Gateway;

/// <summary>The gateway's configuration cannot work; the message says what is wrong and how to fix it.</summary>
public sealed class GatewayConfigurationException(string message) : Exception(message);

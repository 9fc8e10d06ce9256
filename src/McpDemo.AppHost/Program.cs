Console.WriteLine("McpDemo.AppHost: not built yet");

Console.WriteLine("McpDemo.Client: not built yet");

using StackExchange.Redis;

namespace McpDemo.SharedState;

/// <summary>Runs a store command, turning the store's absence into <see cref="SharedStateUnavailableException"/>.</summary>
internal static class StoreCommand
{
    /// <summary>Runs <paramref name="command"/>; if the store cannot be reached, throws with <paramref name="whatFails"/> as the message.</summary>
    /// <exception cref="SharedStateUnavailableException">The store cannot be reached.</exception>
    public static async Task<T> RunAsync<T>(Func<Task<T>> command, string whatFails)
    {
        try
        {
            return await command();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new SharedStateUnavailableException(whatFails, e);
        }
    }
}

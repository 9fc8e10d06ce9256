using Microsoft.EntityFrameworkCore;

namespace McpDemo.Identity;

/// <summary>
/// OpenIddict's applications, authorizations and tokens. The demo keeps them in memory: configured clients are seeded
/// on every start, and registered clients and codes live only as long as the process.
/// </summary>
public sealed class IdentityStoreContext(DbContextOptions<IdentityStoreContext> options) : DbContext(options);

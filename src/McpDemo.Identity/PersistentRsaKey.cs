using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace McpDemo.Identity;

/// <summary>
/// An RSA key kept as a PEM file: read when it exists, else created with owner-only permissions. Its <c>kid</c> is
/// the key's RFC 7638 thumbprint, so it is the same after every restart and resource servers' cached key sets stay
/// valid. Neither the key nor its file's content is ever logged.
/// </summary>
internal static class PersistentRsaKey
{
    private const int KeySizeInBits = 2048;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyDirectory = OwnerOnlyFile | UnixFileMode.UserExecute;

    /// <summary>Loads the key at <paramref name="path"/>, creating it first if there is none.</summary>
    public static RsaSecurityKey LoadOrCreate(string path)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(File.Exists(path) ? File.ReadAllText(path) : CreatePem(path));
        var key = new RsaSecurityKey(rsa);
        key.KeyId = Base64UrlEncoder.Encode(key.ComputeJwkThumbprint());
        return key;
    }

    // Returns the PEM that ends up in the file: ours, or the one another process wrote first.
    private static string CreatePem(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, OwnerOnlyDirectory);
        }
        using var rsa = RSA.Create(KeySizeInBits);
        var pem = rsa.ExportPkcs8PrivateKeyPem();
        // Written aside and moved into place, so an issuer starting at the same moment never reads half a key.
        var pending = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }
        using (var writer = new StreamWriter(pending, options))
        {
            writer.Write(pem);
        }
        try
        {
            File.Move(pending, path, overwrite: false);
            return pem;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Two issuers sharing a key directory started at once: the first one's key wins.
            File.Delete(pending);
            return File.ReadAllText(path);
        }
    }
}

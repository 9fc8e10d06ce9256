using Aspire.Hosting;
using Amazon.CDK.AWS.ECS;

namespace McpDemo.Hosting.Aws;

/// <summary>
/// The server's container image: a given image name, or the <c>Dockerfile</c> in the server's project
/// folder built by <c>cdk deploy</c> with the repository root as context (the solution-wide build files
/// live there). Synthesis only hashes and copies the context; nothing is built without Docker.
/// </summary>
internal static class ServerImage
{
    /// <summary>The Dockerfile's name in the server project's folder.</summary>
    public const string DockerfileName = "Dockerfile";

    public static ContainerImage For(McpServerDeployment deployment)
    {
        if (deployment.Image is { } image)
        {
            return ContainerImage.FromRegistry(image);
        }
        var dockerfile = Path.Combine(deployment.ProjectDirectory, DockerfileName);
        if (!File.Exists(dockerfile))
        {
            throw new DistributedApplicationException($"No {dockerfile} to build the '{deployment.Name}' image from; add one or pass --image NAME.");
        }
        var context = BuildContextOf(deployment.ProjectDirectory);
        return ContainerImage.FromAsset(context, new AssetImageProps
        {
            File = Path.GetRelativePath(context, dockerfile).Replace('\\', '/'),
            Platform = Amazon.CDK.AWS.Ecr.Assets.Platform_.LINUX_AMD64,
        });
    }

    /// <summary>The nearest folder above the project holding a solution file: the build needs its props files.</summary>
    private static string BuildContextOf(string projectDirectory)
    {
        for (var dir = new DirectoryInfo(projectDirectory); dir is not null; dir = dir.Parent)
        {
            if (dir.EnumerateFiles("*.slnx").Any() || dir.EnumerateFiles("*.sln").Any())
            {
                return dir.FullName;
            }
        }
        throw new DistributedApplicationException($"No solution file above {projectDirectory} to use as the image build context.");
    }
}

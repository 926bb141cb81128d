namespace ComplaintFunctions.LocalHost;

/// <summary>The repository's root: the folder with ComplaintFunctions.sln, found upwards from the running program.</summary>
public static class RepositoryRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Environment.GetEnvironmentVariable("COMPLAINTS_REPO_ROOT"), AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ComplaintFunctions.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the repository root (the folder with ComplaintFunctions.sln); set COMPLAINTS_REPO_ROOT.");
    }
}

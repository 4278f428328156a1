namespace CommercialManagement.TestKit;

public static class RepositoryRoot
{
    /// <summary>The folder holding CommercialManagement.sln, found from the test binaries upwards.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "CommercialManagement.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CommercialManagement.sln not found above " + AppContext.BaseDirectory);
    }
}

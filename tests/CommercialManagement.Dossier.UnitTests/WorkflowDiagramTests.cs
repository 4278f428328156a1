using CommercialManagement.Dossier.Api.Domain;
using CommercialManagement.TestKit;

namespace CommercialManagement.Dossier.UnitTests;

public sealed class WorkflowDiagramTests
{
    private const string Begin = "```mermaid";

    /// <summary>docs/dossier-workflow.md carries the diagram generated from the code; CM_UPDATE_DOCS=1 rewrites it.</summary>
    [Fact]
    public void Docs_ShowTheWorkflowGeneratedFromTheCode()
    {
        var path = Path.Combine(RepositoryRoot.Path, "docs", "dossier-workflow.md");
        var text = File.ReadAllText(path);
        var start = text.IndexOf(Begin, StringComparison.Ordinal) + Begin.Length + 1;
        var end = text.IndexOf("```", start, StringComparison.Ordinal);
        var expected = DossierWorkflow.Mermaid();

        if (Environment.GetEnvironmentVariable("CM_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text[..start] + expected + text[end..]);
            return;
        }

        Assert.Equal(expected, text[start..end]);
    }
}

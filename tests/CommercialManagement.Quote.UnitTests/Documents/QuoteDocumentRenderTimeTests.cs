using System.Diagnostics;
using CommercialManagement.Documents;
using CommercialManagement.Quote.Api.Documents;
using Xunit.Abstractions;

namespace CommercialManagement.Quote.UnitTests.Documents;

/// <summary>
/// A measurement, not a timed assertion: the figures go to the test output (dotnet test --logger
/// "console;verbosity=detailed"), and the sample PDFs next to the test assembly, to be looked at.
/// </summary>
public sealed class QuoteDocumentRenderTimeTests(ITestOutputHelper output)
{
    [Fact]
    public void Render_TwentyLines_PrintsFirstAndMedianRenderTimes()
    {
        var model = QuoteDocumentSamples.Quote(lineCount: 20);

        var watch = Stopwatch.StartNew();
        var first = QuoteDocument.Render(model);
        var firstMs = watch.Elapsed.TotalMilliseconds;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var times = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            watch.Restart();
            QuoteDocument.Render(model);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        process.Refresh();
        var cpuPerRender = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / 20;
        times.Sort();
        var median = (times[9] + times[10]) / 2;
        var pages = PdfText.Read(first).PageCount;
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        output.WriteLine($"20-line quote, {pages} pages, {first.Length / 1024} KiB: first render {firstMs:F1} ms, " +
            $"then median of 20 renders {median:F1} ms (min {times[0]:F1}, max {times[^1]:F1}), " +
            $"process CPU {cpuPerRender:F1} ms per render; load average {load}");
        Assert.True(pages >= 2);
    }

    [Fact]
    public void Render_Samples_WritesThemForALook()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "quote-samples");
        Directory.CreateDirectory(folder);
        var samples = new Dictionary<string, QuoteDocumentModel>
        {
            ["sent-4-lines"] = QuoteDocumentSamples.Quote(),
            ["draft-20-lines"] = QuoteDocumentSamples.Quote(lineCount: 20, state: QuoteDocumentState.Draft),
            ["voided-60-lines"] = QuoteDocumentSamples.Quote(lineCount: 60, state: QuoteDocumentState.Voided),
            ["accepted-english"] = QuoteDocumentSamples.Quote(lineCount: 5, state: QuoteDocumentState.Accepted,
                customerName: "Oliver Hughes", language: DocumentLanguage.English),
            ["long-texts"] = LongTexts(),
        };

        foreach (var (name, model) in samples)
        {
            File.WriteAllBytes(Path.Combine(folder, $"{name}.pdf"), QuoteDocument.Render(model));
        }

        output.WriteLine($"Samples in {folder}");
        Assert.Equal(samples.Count, Directory.GetFiles(folder, "*.pdf").Length);
    }

    private static QuoteDocumentModel LongTexts()
    {
        var sample = QuoteDocumentSamples.Quote(lineCount: 3, state: QuoteDocumentState.Voided);
        var giant = sample.Lines[1] with
        {
            Label = "Séjour sur mesure " + new string('x', 150) + " avec une désignation qui n'en finit pas",
            Description = string.Join(" ", Enumerable.Range(1, 900).Select(i => $"mot{i}")),
        };
        return sample with
        {
            Seller = sample.Seller with { Name = "Société d'exploitation des hébergements touristiques de la station de Val Nevé et de ses hameaux" },
            Customer = sample.Customer with
            {
                Name = "Élodie Hélène Müller-Çağlar de la Tour d'Auvergne et de Montmorency-Laval",
                AddressLines = ["Résidence « Les Jardins de l'Observatoire », bâtiment C, escalier 4, appartement 1207, 3e étage gauche"],
            },
            Quote = sample.Quote with { VoidReason = string.Join(" ", Enumerable.Repeat("Le client a changé ses dates de séjour.", 8)) },
            Lines = [sample.Lines[0], giant, sample.Lines[2]],
        };
    }
}

using System.Collections.Concurrent;
using YamlDotNet.RepresentationModel;

namespace CommercialManagement.Deployment.Tests;

/// <summary>The objects one kustomization renders to, read with YamlDotNet's document model.</summary>
internal sealed class Manifests
{
    public const string Base = "base";
    public const string Production = "overlays/production";

    private static readonly ConcurrentDictionary<string, Lazy<Manifests>> Rendered = new();

    private Manifests(string text, IReadOnlyList<YamlMappingNode> objects)
    {
        Text = text;
        Objects = objects;
    }

    /// <summary>The rendered YAML as kubectl printed it.</summary>
    public string Text { get; }

    public IReadOnlyList<YamlMappingNode> Objects { get; }

    public static Manifests Of(string folder) => Rendered.GetOrAdd(folder, f => new Lazy<Manifests>(() => Parse(Kubectl.Kustomize(f)))).Value;

    public static Manifests Parse(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return new Manifests(text, stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList());
    }

    public IEnumerable<YamlMappingNode> OfKind(string kind) => Objects.Where(o => o.Text("kind") == kind);

    public YamlMappingNode Single(string kind, string name) =>
        OfKind(kind).SingleOrDefault(o => o.Name() == name) ?? throw new Xunit.Sdk.XunitException($"No {kind} named {name} is rendered");

    /// <summary>A configMapKeyRef's value: the key's data in the rendered ConfigMap (its generated name included).</summary>
    public string ConfigValue(YamlMappingNode configMapKeyRef)
    {
        var map = Single("ConfigMap", configMapKeyRef.Text("name")!);
        return map.Map("data")?.Text(configMapKeyRef.Text("key")!)
            ?? throw new Xunit.Sdk.XunitException($"ConfigMap {configMapKeyRef.Text("name")} has no key {configMapKeyRef.Text("key")}");
    }
}

internal static class Yaml
{
    public static YamlNode? Get(this YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Text(this YamlMappingNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    public static YamlMappingNode? Map(this YamlMappingNode node, string key) => node.Get(key) as YamlMappingNode;

    public static IReadOnlyList<YamlMappingNode> Items(this YamlMappingNode node, string key) =>
        (node.Get(key) as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().ToList() ?? [];

    public static YamlMappingNode? At(this YamlMappingNode node, params string[] path) =>
        path.Aggregate<string, YamlMappingNode?>(node, (current, key) => current?.Map(key));

    public static string? Name(this YamlMappingNode node) => node.At("metadata")?.Text("name");

    public static YamlMappingNode PodSpec(this YamlMappingNode workload) =>
        workload.At("spec", "template", "spec") ?? throw new Xunit.Sdk.XunitException($"{workload.Name()} has no pod template");

    /// <summary>Every container of a Deployment or a Job, init containers included.</summary>
    public static IReadOnlyList<YamlMappingNode> Containers(this YamlMappingNode workload) =>
        [.. workload.PodSpec().Items("initContainers"), .. workload.PodSpec().Items("containers")];

    public static IReadOnlyList<YamlMappingNode> Env(this YamlMappingNode container) => container.Items("env");

    /// <summary>The literal value of an environment variable a container sets, or null when it is absent or a reference.</summary>
    public static string? EnvValue(this YamlMappingNode container, string name) =>
        container.Env().FirstOrDefault(e => e.Text("name") == name)?.Text("value");
}

namespace ClusterHub.Web;

/// <summary>Marker for the shared resources <c>Web/Strings.resx</c> (en), <c>.fr.resx</c> and <c>.ko.resx</c>.</summary>
public sealed class Strings;

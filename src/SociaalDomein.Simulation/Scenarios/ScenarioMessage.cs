using System.Globalization;
using SociaalDomein.Messages.Model;

namespace SociaalDomein.Simulation.Scenarios;

/// <summary>One message of a scenario, in the order it is meant to be published.</summary>
/// <param name="Sequence">Publish order, 1-based; the order of <paramref name="Name"/> is the same.</param>
/// <param name="Name">A sortable file name: <c>{publish date}_{sequence}_jw{type}_{municipality}_{provider}.xml</c>, type 301, 305, 307, 315, 317, 319, 323 or 325.</param>
/// <param name="PublishDate">The day the message is sent: its Dagtekening, or a later day for a resent copy.</param>
/// <param name="IsResend">True for the second sending of a message already published (same identity, same content).</param>
public sealed record ScenarioMessage(long Sequence, string Name, DateOnly PublishDate, IstdMessage Message, bool IsResend)
{
    internal static string BuildName(long sequence, DateOnly publishDate, IstdMessage message) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{publishDate:yyyy-MM-dd}_{sequence:D7}_jw{(int)message.Type}_{message.MunicipalityCode}_{message.ProviderAgb}.xml");
}

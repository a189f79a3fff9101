using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Writing;
using SociaalDomein.Simulation.Calendar;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Simulation.Tests;

/// <summary>With <see cref="LifecycleTraffic.RetourShare"/> 1 every heen message but the 323 gets its retour.</summary>
public sealed class RetourTrafficTests
{
    private static readonly Scenario WithRetours = ScenarioGenerator.Generate(ScenarioOptions.Demo with
    {
        ProviderCount = 8, Months = 3, SpendScale = 0.02m, Lifecycle = LifecycleTraffic.Default with { RetourShare = 1 },
    });

    [Fact]
    public void Every_heen_message_but_the_323_gets_one_retour_1_to_3_working_days_later_from_its_receiver()
    {
        var heen = WithRetours.Messages.Where(m => !m.IsResend && m.Message is not RetourMessage).ToDictionary(m => m.Message.Key);
        var retours = WithRetours.Messages.Where(m => m.Message is RetourMessage).ToList();
        var answered = new HashSet<MessageKey>();

        Assert.All(retours, sent =>
        {
            var retour = (RetourMessage)sent.Message;
            Assert.True(heen.TryGetValue(retour.OriginalMessageKey, out var original), $"{retour.Key} answers nothing");
            Assert.True(answered.Add(retour.OriginalMessageKey), $"{retour.OriginalMessageKey} has two retours");
            Assert.Equal(original.Message.Type + 1, retour.Type);
            Assert.Equal(BerichtCodes.Of(Standard.IJw, retour.Type), retour.Header.BerichtCode);
            Assert.Equal(original.Message.Header with { BerichtCode = retour.Header.BerichtCode }, retour.Header);
            Assert.Equal(original.Message.SentByMunicipality, !retour.SentByMunicipality);
            Assert.Equal((original.Message.MunicipalityCode, original.Message.ProviderAgb), (retour.MunicipalityCode, retour.ProviderAgb));
            Assert.InRange(retour.Retour.DagtekeningRetour, DutchWorkingDays.AddWorkingDays(original.PublishDate, 1), DutchWorkingDays.AddWorkingDays(original.PublishDate, 3));
            Assert.Equal(retour.Retour.DagtekeningRetour, sent.PublishDate);
            Assert.True(original.Sequence < sent.Sequence);
            Assert.All(retour.RetourCodes.Entries, e => Assert.Equal(["0200"], e.Value));
        });
        var expected = heen.Values.Where(m => m.Message is not (DeclaratieMessage or DeclaratieAntwoordMessage)).Select(m => m.Message.Key).ToHashSet();
        Assert.Equal(expected.Select(k => k.ToString()).Order(StringComparer.Ordinal), answered.Select(k => k.ToString()).Order(StringComparer.Ordinal));
        Assert.Equal([302, 306, 308, 316, 318, 320], retours.Select(r => (int)r.Message.Type).Distinct().Order());
    }

    [Fact]
    public void Retours_read_back_with_their_identity_and_retourcodes_and_have_unique_identities_per_sender()
    {
        Assert.All(WithRetours.Messages.Where(m => m.Message is RetourMessage), sent =>
        {
            var retour = (RetourMessage)sent.Message;
            var read = (RetourMessage)MessageReader.ReadAndValidate(MessageWriter.Write(retour), sent.Name).Message;
            Assert.Equal((retour.Key, retour.OriginalMessageKey, retour.Retour.DagtekeningRetour), (read.Key, read.OriginalMessageKey, read.Retour.DagtekeningRetour));
            Assert.Equal(retour.RetourCodes, read.RetourCodes);
            Assert.InRange(retour.Retour.IdentificatieRetour.Length, 1, 12);
        });
        Assert.Equal(WithRetours.Expected.MessageCount - WithRetours.Messages.Count(m => m.IsResend), WithRetours.Expected.UniqueMessageCount);
    }

    [Fact]
    public void Retours_leave_declarations_and_lead_times_as_they_were()
    {
        var without = ScenarioGenerator.Generate(WithRetours.Options with { Lifecycle = LifecycleTraffic.Default });

        Assert.Equal(without.Expected.TotalDeclaredCents, WithRetours.Expected.TotalDeclaredCents);
        var asOf = without.EndDate;
        Assert.Equal(ExpectedLeadTimes.From(without.Messages, asOf, 10).Total, ExpectedLeadTimes.From(WithRetours.Messages, asOf, 10).Total);
        Assert.Equal(without.Messages.Count, WithRetours.Messages.Count(m => m.Message is not RetourMessage));
    }
}

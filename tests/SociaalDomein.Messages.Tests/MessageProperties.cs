using FsCheck.Xunit;
using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;
using SociaalDomein.Messages.Validation;
using SociaalDomein.Messages.Writing;

namespace SociaalDomein.Messages.Tests;

[Properties(Arbitrary = [typeof(MessageGenerators)], MaxTest = 200)]
public sealed class MessageProperties
{
    [Property]
    public void Any_valid_declaration_round_trips(DeclaratieMessage declaratie) =>
        MessageAssert.Equivalent(declaratie, MessageReader.Read(MessageWriter.Write(declaratie), "generated"));

    [Property(MaxTest = 400)]
    public void Any_message_of_any_type_standard_and_release_round_trips(IstdMessage message) =>
        MessageAssert.Equivalent(message, MessageReader.Read(MessageWriter.Write(message), "generated"));

    [Property]
    public void Any_valid_allocation_round_trips(ToewijzingMessage toewijzing) =>
        MessageAssert.Equivalent(toewijzing, MessageReader.Read(MessageWriter.Write(toewijzing), "generated"));

    [Property]
    public void A_declaration_that_keeps_the_rules_has_no_findings_after_a_round_trip(ConsistentDeclaratie consistent)
    {
        var result = MessageReader.ReadAndValidate(MessageWriter.Write(consistent.Declaratie), "generated");

        Assert.True(result.IsClean, string.Join("\n", result.Findings));
    }

    [Property]
    public void Breaking_one_amount_gives_exactly_that_line_a_9346_and_the_total_a_finding(ConsistentDeclaratie consistent)
    {
        var declaratie = consistent.Declaratie;
        var target = declaratie.Lines.First().Prestatie;
        var broken = target with { IngediendBedragCents = target.IngediendBedragCents + 1 };
        var clients = declaratie.Clients.Select(c => c with { Prestaties = c.Prestaties.Select(p => ReferenceEquals(p, target) ? broken : p).ToList() }).ToList();

        var findings = MessageRules.Check(declaratie with { Clients = clients }, "generated");

        var expected = target.Eenheid == "83" ? RuleCodes.AmountInEuros : StandardRetourCodes.AmountNotVolumeTimesTariff;
        Assert.Equal([(target.ReferentieNummer, expected), ("", RuleCodes.Total)], findings.Select(f => (f.Line, f.Rule)));
    }

    [Property]
    public void A_truncated_message_is_refused_with_InvalidMessageException_and_nothing_else(Truncation truncation)
    {
        var bytes = MessageWriter.Write(truncation.Declaratie);
        var kept = bytes.AsMemory(0, (int)((long)bytes.Length * truncation.Permille / 1000));

        var refusal = Record.Exception(() => MessageReader.Read(kept, "truncated"));

        Assert.IsType<InvalidMessageException>(refusal);
    }

    [Property]
    public void A_corrupted_byte_either_reads_or_is_refused_with_InvalidMessageException(Corruption corruption)
    {
        var bytes = MessageWriter.Write(corruption.Declaratie);
        bytes[corruption.Position % bytes.Length] = corruption.Value;

        var failure = Record.Exception(() => MessageReader.Read(bytes, "corrupted"));

        if (failure is not null) Assert.IsType<InvalidMessageException>(failure);
    }
}

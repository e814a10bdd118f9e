using ServiceBooking.Domain.Common;
using ServiceBooking.Domain.Pickups;

namespace ServiceBooking.Tests.Pickups.Domain;

/// <summary>A pick-up request's way from the client's form to paid, and every step it may not take.</summary>
public sealed class PickupRequestTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(3));
    private static readonly DateTime LocalNow = new(2026, 12, 1, 9, 0, 0);
    private static readonly Money Fee = Money.FromRoubles(1500m);

    private static PickupRequest Request(DateOnly? day = null, TimeOnly? from = null, TimeOnly? to = null, string? address = "ул. Ленина, 5") =>
        PickupRequest.Request("client-1", 7, address, 3, day ?? Today.AddDays(1), from ?? new TimeOnly(10, 0), to ?? new TimeOnly(12, 0),
            "  Ключи у консьержа  ", Today, Now);

    private static PickupRequest Agreed()
    {
        var request = Request();
        request.Confirm("manager-1", LocalNow.AddDays(1).AddHours(2), Fee, LocalNow, Now);
        request.Agree(LocalNow.AddMinutes(5), Now.AddMinutes(5));
        return request;
    }

    private static string Refused(Action action) => Assert.Throws<DomainException>(action).Code;

    [Fact]
    public void A_request_goes_from_review_to_the_client_to_a_driver_to_payment_and_is_done()
    {
        var request = Request();
        Assert.Equal((PickupStatus.UnderReview, "Ключи у консьержа"), (request.Status, request.Comment));

        request.Confirm("manager-1", LocalNow.AddDays(1).AddHours(2), Fee, LocalNow, Now);
        Assert.Equal((PickupStatus.AwaitingClient, "manager-1", Fee), (request.Status, request.ConfirmedById, request.Price));

        request.Agree(LocalNow.AddMinutes(5), Now.AddMinutes(5));
        Assert.True(request.WaitsForDriver);
        Assert.Equal(PickupStatus.InProgress, request.Status);

        request.AssignTo("driver-1", Now.AddMinutes(6));
        Assert.False(request.WaitsForDriver);
        Assert.True(request.IsActiveJobOf("driver-1"));

        request.Complete("driver-1", "Забрал, царапина на бампере", 17, Now.AddHours(2));
        Assert.Equal((PickupStatus.AwaitingPayment, "Забрал, царапина на бампере", 17), (request.Status, request.DriverComment, request.InvoiceNumber));
        Assert.False(request.IsActiveJobOf("driver-1"));

        request.MarkPaid("manager-1", Now.AddHours(3));
        Assert.Equal(PickupStatus.Done, request.Status);
        Assert.True(request.IsClosed);
    }

    [Fact]
    public void The_form_refuses_a_past_day_one_too_far_ahead_an_empty_window_and_no_address()
    {
        Assert.Equal("Pickup.DateInPast", Refused(() => Request(day: Today.AddDays(-1))));
        Assert.Equal("Pickup.DateTooFar", Refused(() => Request(day: Today.AddDays(PickupRequest.MaxDaysAhead + 1))));
        Assert.Equal("Pickup.WindowEmpty", Refused(() => Request(from: new TimeOnly(12, 0), to: new TimeOnly(12, 0))));
        Assert.Equal("Pickup.AddressRequired", Refused(() => Request(address: "   ")));
        Assert.Equal("Pickup.AddressTooLong", Refused(() => Request(address: new string('д', PickupRequest.MaxAddressLength + 1))));
        Assert.Equal(Today, Request(day: Today).WishedDate);
    }

    [Fact]
    public void The_manager_proposes_a_time_to_come_and_may_change_it_until_the_client_answers()
    {
        var request = Request();
        Assert.Equal("Pickup.ProposedInPast", Refused(() => request.Confirm("manager-1", LocalNow.AddMinutes(-1), Fee, LocalNow, Now)));

        request.Confirm("manager-1", LocalNow.AddDays(1), Fee, LocalNow, Now);
        request.Confirm("manager-2", LocalNow.AddDays(2), Fee, LocalNow, Now);
        Assert.Equal((LocalNow.AddDays(2), "manager-2"), (request.ProposedFor, request.ConfirmedById));
        // Once the proposed time has come, agreeing to it is too late; declining still closes it.
        Assert.Equal("Pickup.ProposalExpired", Refused(() => request.Agree(LocalNow.AddDays(2), Now.AddDays(2))));

        request.Decline(Now.AddMinutes(1));
        Assert.Equal(PickupStatus.Declined, request.Status);
        Assert.Equal("Pickup.WrongStatus", Refused(() => request.Confirm("manager-1", LocalNow.AddDays(3), Fee, LocalNow, Now)));
        Assert.Equal("Pickup.WrongStatus", Refused(() => request.Agree(LocalNow, Now)));
    }

    [Fact]
    public void No_step_is_taken_out_of_turn()
    {
        var fresh = Request();
        Assert.Equal("Pickup.WrongStatus", Refused(() => fresh.Agree(LocalNow, Now)));
        Assert.Equal("Pickup.WrongStatus", Refused(() => fresh.Decline(Now)));
        Assert.Equal("Pickup.NotWaiting", Refused(() => fresh.AssignTo("driver-1", Now)));
        Assert.Equal("Pickup.NotYourJob", Refused(() => fresh.Complete("driver-1", null, 1, Now)));
        Assert.Equal("Pickup.WrongStatus", Refused(() => fresh.MarkPaid("manager-1", Now)));

        var taken = Agreed();
        taken.AssignTo("driver-1", Now);
        Assert.Equal("Pickup.NotWaiting", Refused(() => taken.AssignTo("driver-2", Now)));
        Assert.Equal("Pickup.NotYourJob", Refused(() => taken.Complete("driver-2", null, 1, Now)));
        Assert.Equal("Pickup.WrongStatus", Refused(() => taken.MarkPaid("manager-1", Now)));

        taken.Complete("driver-1", null, 1, Now.AddHours(1));
        Assert.Equal("Pickup.NotYourJob", Refused(() => taken.Complete("driver-1", null, 1, Now.AddHours(2))));
        taken.MarkPaid("manager-1", Now.AddHours(2));
        Assert.Equal("Pickup.WrongStatus", Refused(() => taken.MarkPaid("manager-1", Now.AddHours(3))));
    }
}

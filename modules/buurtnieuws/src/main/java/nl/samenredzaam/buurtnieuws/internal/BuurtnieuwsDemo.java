package nl.samenredzaam.buurtnieuws.internal;

import java.time.Duration;
import java.time.Instant;

import org.osgi.service.component.annotations.Component;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.demo.DemoContext;
import nl.samenredzaam.api.demo.DemoDataContributor;

/** Fictional news of the demo village Lindeholt. */
@Component
public final class BuurtnieuwsDemo implements DemoDataContributor {

    @Override
    public String moduleId() {
        return BuurtnieuwsModule.ID;
    }

    @Override
    public void populate(Sql sql, DemoContext context) {
        NewsRepository repository = new NewsRepository();
        Instant now = context.clock().instant();
        long coordinator = context.userId("coordinator");
        repository.create(sql, new NewsInput("Nieuwe vrijwilligers gezocht voor de boodschappendienst",
                "Wie wil één ochtend per week boodschappen doen voor een dorpsgenoot? Bel of mail Ria."),
                coordinator, "Ria Jansen", now.minus(Duration.ofDays(9)));
        repository.create(sql, new NewsInput("Dorpshuis De Linde weer open",
                "Na de verbouwing is het dorpshuis weer open. Er is nu een invalidentoilet en een ringleiding."),
                coordinator, "Ria Jansen", now.minus(Duration.ofDays(4)));
        repository.create(sql, new NewsInput("Koffie-ochtend verhuist naar donderdag",
                "Vanaf volgende week is de koffie-ochtend op donderdag van 10.00 tot 11.30 uur."),
                coordinator, "Ria Jansen", now.minus(Duration.ofDays(1)));
    }
}

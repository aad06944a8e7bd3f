package nl.samenredzaam.wmointake.internal.coop;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.identity.platform.AuditLogReader;
import nl.samenredzaam.identity.platform.AuditPage;

/**
 * The resident's view of the audit log through identity's reader, until the platform API offers an
 * audit read for modules (asked of the lead). Active only while the reader exists.
 */
@Component(service = AccessLogSource.class)
public final class PlatformAccessLog implements AccessLogSource {

    private static final int PAGE = 200;
    private final AuditLogReader reader;

    @Activate
    public PlatformAccessLog(@Reference AuditLogReader reader) {
        this.reader = reader;
    }

    @Override
    public List<Entry> aboutMe(Actor person, Initiative initiative, int max) {
        List<Entry> out = new ArrayList<>();
        int offset = 0;
        while (out.size() < max) {
            AuditPage page = reader.readAboutMe(person, initiative, offset, PAGE);
            page.entries().forEach(e -> out.add(new Entry(e.at(), e.userId(), e.roles(), e.action().name(), e.recordType(),
                    e.recordId(), e.success())));
            if (!page.more()) {
                break;
            }
            offset += PAGE;
        }
        return out.size() > max ? out.subList(0, max) : out;
    }
}

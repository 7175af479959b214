package dev.loopbench.timeline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** {@code timeline.json}: every recorded request's times, in ms from the wave's start. */
final class TimelineJson {

    private TimelineJson() {}

    static JsonObject of(List<WaveTrace> waves) {
        JsonArray array = new JsonArray();
        for (WaveTrace wave : waves) {
            JsonArray requests = new JsonArray();
            wave.byStart()
                    .forEach(r -> requests.add(new JsonObject()
                            .put("request", r.index())
                            .put("sentMs", r.sent())
                            .put("receivedMs", finite(r.received()))
                            .put("startedMs", finite(r.started()))
                            .put("finishedMs", finite(r.finished()))
                            .put("answeredMs", r.answered())
                            .put("thread", r.thread())));
            array.add(new JsonObject()
                    .put("handler", wave.handler())
                    .put("concurrency", wave.concurrency())
                    .put("delayMs", wave.delayMs())
                    .put("server", wave.serverShape())
                    .put("predictedMs", finite(wave.predictedMillis()))
                    .put("measuredMs", wave.millis())
                    .put("sameClock", wave.sameClock())
                    .put("requests", requests)
                    .put("bystanders", bystanders(wave)));
        }
        return new JsonObject().put("waves", array);
    }

    /** JSON has no NaN: unknown is null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static JsonArray bystanders(WaveTrace wave) {
        JsonArray bystanders = new JsonArray();
        wave.bystanders()
                .forEach(b -> bystanders.add(new JsonObject()
                        .put("bystander", b.index())
                        .put("sentMs", b.sent())
                        .put("answeredMs", b.answered())));
        return bystanders;
    }
}

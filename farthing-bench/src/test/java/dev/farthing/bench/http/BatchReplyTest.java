package dev.farthing.bench.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class BatchReplyTest {

    @Test
    void countsCommittedRefusedAndReplayedResults() throws Exception {
        String body = """
                {"results":[
                  {"id":"a","status":"ok","replayed":false,"transfer":{"id":"a","code":null,"status":"posted","metadata":{}}},
                  {"id":"b","status":"error","error":{"code":"insufficient_funds","detail":"no"}},
                  {"id":"c","status":"ok","replayed":true,"transfer":{"id":"c","status":"posted"}},
                  {"id":"d","status":"ok","replayed":false,"transfer":{"id":"d","status":"posted"}}
                ]}""";
        BatchReply reply = BatchReply.parse(body.getBytes(StandardCharsets.UTF_8));
        assertThat(reply.ok()).isEqualTo(2);
        assertThat(reply.failed()).isEqualTo(2);
        assertThat(reply.firstError()).isEqualTo("insufficient_funds");
    }
}

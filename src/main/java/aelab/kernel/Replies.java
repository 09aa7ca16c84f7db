package aelab.kernel;

import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

/**
 * The replies whose JJava form falls short of Jupyter's message spec: {@code kernel_info_reply} without
 * its {@code status}, {@code history_reply} without {@code status} and with its entries as objects rather
 * than tuples, and {@code execute_reply} without a {@code payload} (the pager).
 */
final class Replies {

    private Replies() {}

    /** kernel_info_reply with its status. */
    static final class KernelInfo extends KernelInfoReply {
        @SuppressWarnings("unused") // read by Gson
        private final String status = "ok";

        KernelInfo(String protocol, String name, String version, LanguageInfo language, String banner,
                List<HelpLink> links) {
            super(protocol, name, version, language, banner, links);
        }
    }

    /** history_reply: status and (session, count, input or [input, output]) tuples. */
    @SuppressWarnings({"unused", "unchecked", "rawtypes"})
    static final class History implements ContentType<History>, ReplyType<HistoryRequest> {
        private final String status = "ok";
        private final List<List<Object>> history;

        History(List<List<Object>> history) {
            this.history = history;
        }

        @Override
        public MessageType<History> getType() {
            return (MessageType) MessageType.HISTORY_REPLY;
        }

        @Override
        public MessageType<HistoryRequest> getRequestType() {
            return MessageType.HISTORY_REQUEST;
        }
    }

    /** execute_reply that opens the pager with {@code text} (a cell such as {@code Math.max?}). */
    static final class ExecuteWithPager extends ExecuteReply {
        @SuppressWarnings("unused") // read by Gson
        private final List<Map<String, Object>> payload;

        ExecuteWithPager(int count, String text) {
            super(count, Map.of());
            this.payload = List.of(Map.of("source", "page", "data", Map.of("text/plain", text), "start", 0));
        }
    }
}

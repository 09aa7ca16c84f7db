package aelab.figures;

import aelab.AtomicFile;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Frames of a training run (reconstructions or samples after each epoch), saved as a looping
 * animated GIF. A notebook plays them inline by updating one display with each frame in turn, and
 * keeps {@link #strip} (every few frames side by side) as the still record.
 */
public final class Animation {

    private final List<BufferedImage> frames = new ArrayList<>();

    /** Adds a frame; all frames take the size of the first. */
    public void add(BufferedImage frame) {
        frames.add(frame);
    }

    public List<BufferedImage> frames() {
        return List.copyOf(frames);
    }

    public int size() {
        return frames.size();
    }

    /** Frame delay when a notebook shows the animation itself ({@code display(animation)}). */
    public static final int DISPLAY_DELAY_MILLIS = 400;

    /** Writes a looping GIF, {@code delayMillis} per frame (temporary file, then rename). */
    public Path saveGif(Path file, int delayMillis) throws IOException {
        if (frames.isEmpty()) {
            throw new IllegalStateException("no frames to write to " + file);
        }
        return AtomicFile.write(file, tmp -> {
            try (ImageOutputStream out = ImageIO.createImageOutputStream(tmp.toFile())) {
                writeGif(out, delayMillis);
            }
        });
    }

    /** The looping GIF's bytes, {@code delayMillis} per frame: what a notebook plays inline. */
    public byte[] gif(int delayMillis) {
        if (frames.isEmpty()) {
            throw new IllegalStateException("no frames yet: add at least one before showing the animation");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writeGif(out, delayMillis);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the GIF", e);
        }
        return bytes.toByteArray();
    }

    private void writeGif(ImageOutputStream out, int delayMillis) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                BufferedImage rgb = sameSize(frame, frames.get(0));
                ImageWriteParam param = writer.getDefaultWriteParam();
                IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(rgb), param);
                timing(meta, delayMillis);
                writer.writeToSequence(new IIOImage(rgb, null, meta), param);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /**
     * Up to {@code count} frames, evenly chosen, as one still of the run: side by side, or one
     * above the other when the frames are wide (a row of digits per epoch).
     */
    public BufferedImage strip(int count, String title) {
        int n = Math.min(count, frames.size());
        BufferedImage first = frames.get(0);
        boolean vertical = first.getWidth() > 2 * first.getHeight();
        int gap = 6;
        int top = 24;
        int width = vertical ? first.getWidth() : n * (first.getWidth() + gap);
        int height = top + (vertical ? n * (first.getHeight() + gap) : first.getHeight());
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, out.getWidth(), out.getHeight());
        g.setColor(Color.DARK_GRAY);
        g.setFont(ImageGrid.TITLE_FONT);
        // say so when frames are left out, so that no reader takes the strip for every epoch
        g.drawString(n < frames.size() ? title + " (" + n + " of " + frames.size() + " frames)" : title, 4, 16);
        for (int k = 0; k < n; k++) {
            int index = n == 1 ? 0 : (int) Math.round(k * (frames.size() - 1) / (double) (n - 1));
            int x = vertical ? 0 : k * (first.getWidth() + gap);
            int y = top + (vertical ? k * (first.getHeight() + gap) : 0);
            g.drawImage(frames.get(index), x, y, null);
        }
        g.dispose();
        return out;
    }

    private static BufferedImage sameSize(BufferedImage frame, BufferedImage first) {
        BufferedImage rgb = new BufferedImage(first.getWidth(), first.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
        g.drawImage(frame, 0, 0, null);
        g.dispose();
        return rgb;
    }

    /** Sets the frame delay and, once, the loop-forever extension. */
    private static void timing(IIOMetadata meta, int delayMillis) throws IOException {
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.max(1, delayMillis / 10)));
        control.setAttribute("transparentColorIndex", "0");
        IIOMetadataNode apps = child(root, "ApplicationExtensions");
        IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
        app.setAttribute("applicationID", "NETSCAPE");
        app.setAttribute("authenticationCode", "2.0");
        app.setUserObject(new byte[] {1, 0, 0});
        apps.appendChild(app);
        meta.setFromTree(format, root);
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}

package io.github.camelframeio.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

/** Plain bar charts as PNG, drawn with Java2D so that the benchmarks need nothing but the JDK to plot. */
final class Charts {

    private static final Color[] SERIES = {new Color(0x5b53ff), new Color(0xf08c2e), new Color(0x2e9e5b), new Color(0xc43c5a)};

    /** One group of bars (e.g. "1 caller") with one value per series. */
    record Group(String label, double[] values) {
    }

    private Charts() {
    }

    /** Grouped bars; each group shows one bar per series, with its value written above it. */
    static void bars(Path file, String title, String unit, List<String> series, List<Group> groups) throws IOException {
        int width = 900;
        int height = 420;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 20, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        int left = 70;
        int right = width - 20;
        int top = 60;
        int bottom = height - 60;
        double max = 0;
        for (Group group : groups) {
            for (double v : group.values()) {
                if (!Double.isNaN(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        max = max <= 0 ? 1 : max * 1.15;
        g.setStroke(new BasicStroke(1));
        for (int i = 0; i <= 4; i++) {
            int y = bottom - (bottom - top) * i / 4;
            g.setColor(new Color(0xe6e6e6));
            g.drawLine(left, y, right, y);
            g.setColor(Color.GRAY);
            g.drawString(Stats.f(max * i / 4, max >= 100 ? 0 : 2), 10, y + 4);
        }
        g.drawString(unit, 10, top - 10);
        int groupWidth = (right - left) / Math.max(1, groups.size());
        int barWidth = Math.max(8, (groupWidth - 30) / Math.max(1, series.size()));
        for (int gi = 0; gi < groups.size(); gi++) {
            Group group = groups.get(gi);
            int x0 = left + gi * groupWidth + 15;
            for (int si = 0; si < series.size() && si < group.values().length; si++) {
                double v = group.values()[si];
                if (Double.isNaN(v)) {
                    continue;
                }
                int h = (int) Math.round((bottom - top) * v / max);
                int x = x0 + si * barWidth;
                g.setColor(SERIES[si % SERIES.length]);
                g.fillRect(x, bottom - h, barWidth - 4, h);
                g.setColor(Color.DARK_GRAY);
                g.drawString(Stats.f(v, v >= 100 ? 0 : 2), x, bottom - h - 4);
            }
            g.setColor(Color.DARK_GRAY);
            g.drawString(group.label(), x0, bottom + 18);
        }
        int lx = left;
        for (int si = 0; si < series.size(); si++) {
            g.setColor(SERIES[si % SERIES.length]);
            g.fillRect(lx, height - 28, 12, 12);
            g.setColor(Color.DARK_GRAY);
            g.drawString(series.get(si), lx + 16, height - 18);
            lx += 24 + g.getFontMetrics().stringWidth(series.get(si)) + 20;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }
}

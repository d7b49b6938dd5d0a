import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { WindowChart } from "./window-chart";

const count = (value: number) => String(Math.round(value));

describe("WindowChart", () => {
  it("tells screen readers the latest value and the peak", () => {
    render(
      <WindowChart
        title="Throughput"
        values={[1, 4, null, 2]}
        seconds={300}
        format={count}
      />,
    );

    expect(
      screen.getByRole("img", {
        name: "Throughput: latest 2, peak 4 over the last 5 minutes",
      }),
    ).toBeTruthy();
  });

  it("draws a bar per bucket and labels the axis without repeats", () => {
    const { container } = render(
      <WindowChart
        title="Errors"
        values={[0, 1, 0]}
        seconds={300}
        format={count}
        kind="bars"
      />,
    );

    expect(container.querySelectorAll("rect")).toHaveLength(3);
    const labels = [...container.querySelectorAll("text")].map(
      (text) => text.textContent,
    );
    expect(labels.slice(0, 3)).toEqual(["0", "", "1"]);
  });

  it("says when nothing was measured", () => {
    render(
      <WindowChart
        title="Latency"
        values={[null]}
        seconds={60}
        format={count}
      />,
    );

    expect(
      screen.getByRole("img", { name: "Latency: nothing measured yet" }),
    ).toBeTruthy();
  });
});

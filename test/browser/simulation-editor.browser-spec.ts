import { BrowserHarness, describeInBrowser, startBrowserHarness } from '../support/browser';

// The few textarea members the test reads (the tests compile without the DOM library).
interface TextArea {
  value: string;
  selectionStart: number;
  selectionEnd: number;
  focus(): void;
  setSelectionRange(start: number, end: number): void;
}

describeInBrowser('Writing a scenario in the editor (browser)', () => {
  let h: BrowserHarness;

  beforeAll(async () => {
    h = await startBrowserHarness();
  });
  afterAll(async () => h?.close());

  it('should flag a broken line as the trainer types, jump to it, try a reply and save the draft', async () => {
    const page = await h.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await h.signIn(page, 'trainer@academy.local');
    await page.goto('/simulations/authoring');
    await page.getByRole('link', { name: 'New scenario' }).click();
    await page.waitForURL(/\/simulations\/authoring\/new$/);
    const summary = page.getByTestId('validation-summary');
    await expect(summary.textContent()).resolves.toContain('No problems');

    // Break one line by typing into it, as a trainer would.
    const source = page.getByLabel('Scenario (YAML)');
    const text = await source.inputValue();
    const lines = text.split('\n');
    const broken = lines.findIndex((line) => line.startsWith('difficulty:')) + 1;
    await source.evaluate((area: TextArea, line: number) => {
      const before =
        area.value
          .split('\n')
          .slice(0, line - 1)
          .join('\n').length + 1;
      area.focus();
      area.setSelectionRange(before, before + 'difficulty: easy'.length);
    }, broken);
    await page.keyboard.type('difficulty: impossible');
    await page
      .getByTestId('issues')
      .getByRole('button', { name: `line ${broken}` })
      .waitFor();
    await expect(summary.textContent()).resolves.toBe('1 problem(s).');
    await expect(page.getByTestId('issues').textContent()).resolves.toContain('difficulty');

    // The line button puts the cursor on that line.
    await page
      .getByTestId('issues')
      .getByRole('button', { name: `line ${broken}` })
      .click();
    const selected = await source.evaluate((area: TextArea) =>
      area.value.slice(area.selectionStart, area.selectionEnd),
    );
    expect(selected).toMatch(/^difficulty: impossible\b/);
    await page.keyboard.type('difficulty: medium');
    await summary.filter({ hasText: 'No problems' }).waitFor();
    await expect(page.getByTestId('issues').locator('li').count()).resolves.toBe(0);
    await expect(page.getByTestId('flow').locator('li.flow-step.outcome').count()).resolves.toBe(2);

    await page.getByLabel('Step').selectOption('opening');
    await page
      .getByLabel('Reply', { exact: true })
      .fill(
        "Good morning, you're through to Sam at Northwind. Thank you for getting in touch, I'm happy to help.",
      );
    await page.getByRole('button', { name: 'Try this reply' }).click();
    const result = page.getByTestId('try-result');
    await result.locator('strong', { hasText: 'Branch 0' }).waitFor();
    await expect(result.textContent()).resolves.toMatch(/Branch 0 \(overall ≥ 60\) → resolved/);
    await expect(result.locator('mark.helped').count()).resolves.toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.locator('#action-status', { hasText: 'Draft saved at' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/simulations/authoring/my-new-scenario');
    // Saved, the new scenario's page is that scenario's: its heading names it.
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
      'my-new-scenario',
    );
    await expect(page.getByTestId('history-link').getAttribute('href')).resolves.toBe(
      '/simulations/authoring/my-new-scenario/versions',
    );

    // Saved on the server: the page opened afresh shows the edited source.
    await page.goto('/simulations/authoring/my-new-scenario');
    await expect(page.getByLabel('Scenario (YAML)').inputValue()).resolves.toContain(
      'difficulty: medium',
    );
    await expect(page.getByTestId('versions').textContent()).resolves.toContain('Draft saved');

    // Another new scenario left under the same id is refused, not saved over this one.
    await page.goto('/simulations/authoring/new');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const problems = page.getByTestId('publish-problems');
    await problems.waitFor({ state: 'visible' });
    await expect(problems.textContent()).resolves.toContain(
      'The id "my-new-scenario" is already used by the scenario',
    );
    expect(failures).toEqual([]);
    await page.close();
  });

  it('should show the calibration failures when publishing is refused, then publish once fixed', async () => {
    const page = await h.newPage();
    await h.signIn(page, 'trainer@academy.local');
    await page.goto('/simulations/authoring/new');
    const source = page.getByLabel('Scenario (YAML)');
    const good = (await source.inputValue()).replace('my-new-scenario', 'browser-published');
    await source.fill(good.replace('{ text: "What.", branch: 1 }', '{ text: "What.", branch: 0 }'));
    await page.getByRole('button', { name: 'Publish' }).click();
    const problems = page.getByTestId('publish-problems');
    await problems.waitFor({ state: 'visible' });
    await expect(problems.textContent()).resolves.toContain('cannot be published yet');
    await expect(problems.getByRole('button', { name: /^line \d+$/ }).count()).resolves.toBe(1);

    await source.fill(good);
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.locator('#action-status', { hasText: 'Published as version 1' }).waitFor();
    await expect(problems.isHidden()).resolves.toBe(true);
    await page.goto('/simulations');
    await expect(page.locator('tr[data-scenario="browser-published"]').count()).resolves.toBe(1);
    await page.close();
  });
});

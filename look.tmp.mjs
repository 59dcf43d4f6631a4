import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--use-gl=swiftshader','--enable-unsafe-swiftshader'] });
const p = await b.newPage({ viewport: { width: 1280, height: 800 } });
p.on('console', (m) => console.log('console', m.type(), m.text()));
p.on('pageerror', (e) => console.log('pageerror', e.message));
await p.goto(process.argv[2]);
await p.waitForTimeout(8000);
for (let y = 0; y < 4000; y += 600) { await p.mouse.wheel(0, 600); await p.waitForTimeout(1500); }
await p.mouse.wheel(0, -10000); await p.waitForTimeout(2000);
console.log(JSON.stringify(await p.evaluate(() => Object.fromEntries(Object.entries(window.__article.received).map(([k, v]) => [k, v.map((e) => e.type + (e.type==='error'? ':'+e.message : e.type==='resize' ? ':'+e.height: ''))])))));
await p.screenshot({ path: '/tmp/article.png', fullPage: true });
await b.close();

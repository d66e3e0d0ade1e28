import { PGlite } from '@electric-sql/pglite';
let t=Date.now(); const a = new PGlite(); await a.waitReady; console.log('first', Date.now()-t);
t=Date.now(); const b = new PGlite(); await b.waitReady; console.log('second', Date.now()-t);
t=Date.now(); await b.exec('create schema x; create table x.t(a int)'); console.log('q', Date.now()-t);
t=Date.now(); const c = await b.clone(); console.log('clone', Date.now()-t);
t=Date.now(); const d = await b.dumpDataDir('none'); console.log('dump', Date.now()-t, d.size);
t=Date.now(); const e = new PGlite({loadDataDir: d}); await e.waitReady; console.log('load', Date.now()-t);
console.log((await e.query('select count(*) from x.t')).rows, (await e.query('select version()')).rows);

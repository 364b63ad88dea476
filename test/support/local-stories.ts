/** Twelve unrelated local stories with long headlines, so that a digest of ten spans more than one message. */
export const STORIES: Array<[string, string]> = [
  ['Ashford library reopens after a two-year restoration of its Victorian reading room, glass roof and the children’s wing that flooded in 2021', 'The library’s oak shelving was rebuilt by apprentices from the town college, and more than two thousand visitors came through the doors on the first morning.'],
  ['Brixham trawler crews land a record catch of mackerel as fish prices at the harbour auction fall to their lowest level in a decade', 'Skippers said the shoals arrived three weeks early this year, and buyers from Spain and France bid against each other until dawn.'],
  ['Carlisle rail bridge closes for nine days so that engineers can replace corroded steel girders above the River Eden', 'Replacement buses will run every fifteen minutes between the station and Wetheral, and freight trains are being diverted through Newcastle.'],
  ['Dunmore school wins a national robotics final with a machine that sorts recycling faster than any other entry in the competition', 'The team of six pupils built their sorter from a broken vacuum cleaner and a camera, and will travel to Tokyo for the world championship.'],
  ['Elgin distillery plans a biomass boiler fed by barley husks to cut its gas bill and its carbon emissions by half within three years', 'Planning officers have asked for a study of lorry traffic on the narrow lane that leads to the site before the application is decided.'],
  ['Falmouth lifeboat rescues four sailors whose yacht lost its mast in a gale forty miles south of the Lizard peninsula overnight', 'The volunteers spent eleven hours at sea in waves of six metres, and the yacht was towed into harbour shortly after breakfast.'],
  ['Girvan golf club opens its links course to the public on Sundays after members vote to end a ban that had lasted since 1921', 'The club secretary said green fees would be halved for residents and that junior lessons would be free during the summer holidays.'],
  ['Hexham farmers’ market moves indoors to the old cattle mart while the abbey grounds are dug up for a new drainage system', 'Stallholders said the mart’s high roof and heating made winter trading easier, and several asked to stay there permanently.'],
  ['Ilkley lido faces closure unless volunteers raise the money to repair a cracked pool floor that leaked thousands of litres a day', 'The friends of the lido have started a crowdfunding appeal and a sponsored swim, and a local brewery has promised to match donations.'],
  ['Jarrow shipyard apprentices restore a 1930s tugboat that will sail up the Tyne at the head of the river festival in August', 'The tug spent forty years as a houseboat in Kent before the museum bought it at auction for a symbolic one pound.'],
  ['Keswick theatre stages a sold-out season of new plays written by residents of the Lake District about floods, tourism and sheep', 'Audiences came from as far as Glasgow, and the theatre has extended the run of the most popular play into the autumn.'],
  ['Lanark hospital opens a new maternity ward with birthing pools and family rooms after a campaign by midwives lasting six years', 'The health board said the ward would deliver about nine hundred babies a year and end the long drive to Glasgow for many mothers.'],
];

export const DETAILS = [
  'A retired teacher who led the fundraising said the reading room had been her refuge as a girl, and that the restored ceiling paintings were even brighter than she remembered them.',
  'The harbour master warned that quotas agreed in Brussels could cut next season short, so the fleet is freezing as much of the catch as the cold store can hold.',
  'Network Rail apologised to commuters and said the girders, installed in 1876, had outlived three generations of trains and two world wars without major repair.',
  'Their teacher said the pupils had taught themselves to program the camera over the winter holidays using videos and a library book about machine vision.',
  'The managing director said the whisky itself would not change, though the chimney would be taller and the smell of malting would drift further over the town.',
  'The skipper thanked the crew by radio and said the boat’s new engine, paid for by a bequest from a local widow, had made the difference in the storm.',
  'Older members who opposed the change said they feared dog walkers on the fairways, but the vote passed by a margin of nearly three to one.',
  'The council expects the drainage work to take eighteen months, after which archaeologists will survey the medieval foundations found beneath the lawns.',
  'Engineers estimate the repairs at a little under half a million pounds, and the council says it cannot find the money before the next financial year.',
  'Volunteers have replaced her boiler, brass fittings and wheelhouse windows, working every Saturday for three years in a shed lent by the shipyard.',
  'The artistic director said the plays had drawn on interviews with farmers, hoteliers and mountain rescue teams about a decade of change in the valleys.',
  'Midwives said the rooms would let partners stay overnight for the first time, ending the practice of sending fathers home at ten in the evening.',
];
